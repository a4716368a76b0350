from django.contrib.auth.decorators import login_required
from django.template.response import TemplateResponse

from portail.accounts.roles import roles_of


@login_required
def espace(request):
    return TemplateResponse(request, "accounts/espace.html", {"roles": roles_of(request.user)})
