import json

from django.db import connection
from django.http import JsonResponse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from . import actions


def _body(request):
    if not request.body:
        return {}
    data = json.loads(request.body)
    if not isinstance(data, dict):
        raise actions.ControlError(400, 'body must be a JSON object')
    return data


def _run(request, fn):
    try:
        return JsonResponse(fn(_body(request)))
    except json.JSONDecodeError:
        return JsonResponse({'error': 'invalid JSON body'}, status=400)
    except actions.ControlError as e:
        return JsonResponse({'error': str(e)}, status=e.status)


@require_GET
def health(request):
    # Ready means migrated and seeded, not just listening.
    with connection.cursor() as cursor:
        cursor.execute('SELECT COUNT(*) FROM accounts_user')
        users = cursor.fetchone()[0]
    return JsonResponse({'ok': users > 0, 'users': users}, status=200 if users > 0 else 503)


@csrf_exempt
@require_POST
def order(request, order_id):
    return _run(request, lambda body: actions.update_order(order_id, body))


@csrf_exempt
@require_POST
def notify(request, user_id):
    return _run(request, lambda body: actions.notify(user_id, body))


@csrf_exempt
@require_POST
def booking(request, booking_id):
    return _run(request, lambda body: actions.update_booking(booking_id, body))


@csrf_exempt
@require_POST
def smarthunt_message(request):
    return _run(request, actions.smarthunt_message)


@csrf_exempt
@require_POST
def notice(request):
    return _run(request, actions.publish_notice)


@csrf_exempt
@require_POST
def register(request):
    return _run(request, actions.register)


@csrf_exempt
@require_POST
def resave_notice(request, notice_id):
    """Save a published notice again (an edit, or any save): deployed mode re-sends it with id null."""
    from erp.models import Notice

    notice = Notice.objects.filter(pk=notice_id).first()
    if notice is None:
        return JsonResponse({'error': 'no such notice'}, status=404)
    notice.save()
    return JsonResponse({'notice_id': notice.id})


def _post_action(fn):
    """A POST view running one action on the request's JSON body."""
    @csrf_exempt
    @require_POST
    def view(request):
        return _run(request, fn)
    return view


erp_publish = _post_action(actions.erp_publish)
erp_presence = _post_action(actions.erp_presence)


@csrf_exempt
@require_POST
def erp_heartbeat(request):
    """Set this server's SSE heartbeat interval (seconds; default 30) for every stream, open or new."""
    from erp.pubsub import STREAM_SETTINGS

    def change(body):
        seconds = body.get('seconds')
        if not isinstance(seconds, (int, float)) or isinstance(seconds, bool) or seconds < 0:
            raise actions.ControlError(400, 'seconds must be a number >= 0')
        STREAM_SETTINGS['heartbeat_seconds'] = float(seconds)
        return {'seconds': STREAM_SETTINGS['heartbeat_seconds']}

    return _run(request, change)


@csrf_exempt
@require_POST
def erp_chat_messages(request):
    """Every ERP chat message one user sent (`sender_id`: the integer pk), oldest first: the fault runs' view of the store."""
    from erp.models import ChatMessage

    def listing(body):
        sender = body.get('sender_id')
        if not isinstance(sender, int) or isinstance(sender, bool):
            raise actions.ControlError(400, 'sender_id (an integer pk) is required')
        rows = ChatMessage.objects.filter(sender_id=sender).order_by('id').values('id', 'receiver_id', 'message', 'client_id')
        return {'messages': list(rows)}

    return _run(request, listing)
