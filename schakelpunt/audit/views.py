"""The privacyfunctionaris' screen: search the access log."""

from django.core.paginator import Paginator
from django.shortcuts import render

from schakelpunt.access.decorators import requires
from schakelpunt.audit.forms import AuditSearchForm
from schakelpunt.audit.selectors import AuditQuery, audit_record_list


@requires("audit.view")
def search(request):
    form = AuditSearchForm(request.GET)
    page = None
    if form.is_valid():
        query = AuditQuery(**form.cleaned_data)
        records = audit_record_list(user=request.user, query=query)
        page = Paginator(records, 50).get_page(request.GET.get("pagina"))
    params = request.GET.copy()
    params.pop("pagina", None)
    status = 400 if form.is_bound and not form.is_valid() else 200
    return render(
        request, "audit/search.html", {"form": form, "page": page, "params": params.urlencode()}, status=status
    )
