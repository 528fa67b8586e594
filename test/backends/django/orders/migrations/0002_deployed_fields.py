from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('orders', '0001_initial'),
    ]

    operations = [
        migrations.AlterField(
            model_name='order',
            name='status',
            field=models.CharField(blank=True, choices=[('New', 'New'), ('Droped', 'Droped'), ('Extend', 'Extend'), ('Done', 'Done'), ('Continue', 'Continue')], default='New', max_length=16, null=True),
        ),
        migrations.AddField(model_name='order', name='message', field=models.CharField(blank=True, max_length=300, null=True)),
        migrations.AddField(model_name='order', name='is_done', field=models.BooleanField(default=False)),
        migrations.AddField(model_name='order', name='lol_details', field=models.BooleanField(default=False)),
    ]
