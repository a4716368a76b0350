"""What everyone reads: the published records, one record's page and its print version in the
three columns of the original, and the shared list of savoir-faire with the counts per group.

Visibility starts from the person: a draft is seen by the group's members and facilitators and
by the staff only; a private group's records stay between its members (404 to anyone else)."""

from django.conf import settings
from django.db.models import Prefetch
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django_ratelimit.decorators import ratelimit

from portail.accounts.models import User
from portail.core.page_cache import public_page
from portail.core.pdf import pdf_rate, render_pdf
from portail.experiences.models import ExperienceRecord, RecordSection, Skill
from portail.experiences.portfolio import skill_counts_by_group
from portail.groups.models import Group


def sections_for_page():
    return RecordSection.objects.prefetch_related(
        "skills",
        Prefetch("presenters", queryset=User.objects.select_related("portfolio_settings")),
    )


def visible_record(request, slug):
    """The record, with its sections, if this person may read it; 404 otherwise (a draft or a
    private group's record does not exist for outsiders)."""
    record = get_object_or_404(
        ExperienceRecord.objects.select_related("group").prefetch_related(
            Prefetch("sections", queryset=sections_for_page())
        ),
        slug=slug,
    )
    if not record.is_visible_to(request.user):
        raise Http404
    return record


def _private(response, record):
    if not (record.is_published and record.group.is_public):
        add_never_cache_headers(response)
    return response


@public_page
def record_list(request):
    visible = ExperienceRecord.objects.visible_to(request.user).select_related("group")
    published = visible.published().prefetch_related("sections__skills")
    drafts = visible.drafts().order_by("-updated_at") if request.user.is_authenticated else []
    response = TemplateResponse(
        request,
        "experiences/list.html",
        {
            "records": published,
            "drafts": drafts,
            "may_write": request.user.is_authenticated
            and (request.user.is_staff or Group.objects.facilitated_by(request.user).exists()),
        },
    )
    if drafts or any(not record.group.is_public for record in published):
        # Drafts and a private group's records must not stay in a shared browser's cache.
        add_never_cache_headers(response)
    return response


@public_page
def record_detail(request, slug):
    record = visible_record(request, slug)
    response = TemplateResponse(
        request,
        "experiences/detail.html",
        {
            "record": record,
            "sections": list(record.sections.all()),
            "may_edit": record.is_editable_by(request.user),
        },
    )
    return _private(response, record)


@public_page
@ratelimit(key="ip", rate=pdf_rate, block=True)
def record_pdf(request, slug):
    record = visible_record(request, slug)
    pdf = render_pdf(
        "experiences/pdf.html",
        {"record": record, "sections": list(record.sections.all()), "site_url": settings.SITE_URL},
        request=request,
        stylesheets=["css/pdf-recit.css"],
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="recit-{record.slug}.pdf"'
    return _private(response, record)


@public_page
def skills(request):
    """The shared list, and for each skill how many people of each public group developed it."""
    groups = list(Group.objects.public().order_by("name"))
    by_pk = {group.pk: group for group in groups}
    counts = skill_counts_by_group(groups)
    records = (
        ExperienceRecord.objects.published()
        .filter(group__is_public=True)
        .prefetch_related("sections__skills")
    )
    records_by_skill = {}
    for record in records:
        for skill_pk in {s.pk for section in record.sections.all() for s in section.skills.all()}:
            records_by_skill.setdefault(skill_pk, []).append(record)
    rows = [
        {
            "skill": skill,
            "groups": sorted(
                ((by_pk[g], n) for g, n in counts.get(skill.pk, {}).items()),
                key=lambda item: item[0].name,
            ),
            "records": records_by_skill.get(skill.pk, []),
        }
        for skill in Skill.objects.shown_publicly()
    ]
    return TemplateResponse(request, "experiences/skills.html", {"rows": rows})
