from django.conf import settings
from django.db import migrations, models
import django.db.models.deletion
import django.utils.timezone


class Migration(migrations.Migration):

    dependencies = [
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
        ('erp', '0001_initial'),
    ]

    operations = [
        migrations.CreateModel(
            name='Conversation',
            fields=[
                ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('last_message', models.TextField(blank=True, null=True)),
                ('last_message_at', models.DateTimeField(blank=True, null=True)),
                ('unread_count_user1', models.IntegerField(default=0)),
                ('unread_count_user2', models.IntegerField(default=0)),
                ('created_at', models.DateTimeField(auto_now_add=True)),
                ('updated_at', models.DateTimeField(auto_now=True)),
                ('is_active', models.BooleanField(default=True)),
                ('last_message_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('user1', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='erp_conversations_as_user1', to=settings.AUTH_USER_MODEL)),
                ('user2', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='erp_conversations_as_user2', to=settings.AUTH_USER_MODEL)),
            ],
            options={'unique_together': {('user1', 'user2')}},
        ),
        migrations.CreateModel(
            name='TypingIndicator',
            fields=[
                ('id', models.AutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('is_typing', models.BooleanField(default=True)),
                ('timestamp', models.DateTimeField(auto_now=True)),
                ('conversation_partner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('user', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={'unique_together': {('user', 'conversation_partner')}},
        ),
        migrations.AddField(model_name='chatmessage', name='conversation', field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='messages', to='erp.conversation')),
        migrations.AddField(model_name='chatmessage', name='attachment_type', field=models.CharField(blank=True, max_length=20, null=True)),
        migrations.AddField(model_name='chatmessage', name='is_read', field=models.BooleanField(default=False)),
        migrations.AddField(model_name='chatmessage', name='read_at', field=models.DateTimeField(blank=True, null=True)),
        migrations.AddField(model_name='chatmessage', name='delivered_at', field=models.DateTimeField(blank=True, null=True)),
        migrations.AddField(model_name='chatmessage', name='created_at', field=models.DateTimeField(auto_now_add=True, default=django.utils.timezone.now), preserve_default=False),
        migrations.AddField(model_name='chatmessage', name='updated_at', field=models.DateTimeField(auto_now=True)),
        migrations.AddField(model_name='chatmessage', name='is_active', field=models.BooleanField(default=True)),
    ]
