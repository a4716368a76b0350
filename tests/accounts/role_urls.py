"""A URL configuration for the role tests: one page per role, guarded by require_role, next to
the portal's own pages (the login and error pages need them)."""

from django.http import HttpResponse
from django.urls import include, path

from portail.accounts.roles import Role, require_role


def _page_for(role):
    @require_role(role)
    def page(request):
        return HttpResponse(f"page {role}")

    return page


urlpatterns = [path(f"essai-role/{role.value}/", _page_for(role)) for role in Role]
urlpatterns += [path("", include("portail.urls"))]

handler403 = "portail.core.views.permission_denied"
