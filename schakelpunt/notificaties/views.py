"""The user's own notices: a list, and marking one as read."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_POST

from schakelpunt.notificaties import services


@login_required
def lijst(request):
    return render(request, "notificaties/lijst.html", {"notificaties": services.notificatie_list(user=request.user)})


@require_POST
@login_required
def gelezen(request, pk: int):
    services.notificatie_mark_read(user=request.user, pk=pk)
    target = request.POST.get("volgende", "")
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return HttpResponseRedirect(target)  # a URL; redirect() would try "abc" as a view name
    return redirect("notificaties:lijst")
