"""The team page (/team/) and one page per person (/team/<slug>/), both built from the authors
(Snippets > Authors) that staff tick "show on the team page".

A page per person, rather than an anchor on the team page: each person has an address of their
own that search engines index and that bylines and the Health Check page link to, with its own
title, description and Person structured data (Google reads an Article's author `url` as the
page about that author)."""

from django.db import models
from django.db.models import Prefetch
from django.http import Http404
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page
from wagtail.search import index

from apiwise.content_cache import cached
from apiwise.seo import absolute_url, plain_text
from blog.models.base import BlogPage
from blog.models.guide import ArticlePage
from blog.models.taxonomy import Author


def team_page_url():
    """The live team page's address, or "" when there is none (bylines then link nowhere).
    Kept with the content version: every guide asks."""

    def find():
        page = TeamPage.objects.live().first()
        return page.url if page is not None else ""

    return cached("team-page-url", find)


def person_url(author):
    """Where a byline or the Health Check page links for this author: their page on the team
    page, when they are shown there and the team page is live; else ""."""
    base = team_page_url()
    if not base or not author.on_team_page:
        return ""
    return f"{base}{author.slug}/"


class TeamPage(RoutablePageMixin, BlogPage):
    """/team/: the people behind APIwise, each with a page of their own below it."""

    intro = models.TextField(
        max_length=400, blank=True, help_text="One or two sentences under the heading."
    )

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = Page.search_fields + [index.SearchField("intro")]
    parent_page_types = ["apiwise.HomePage"]
    subpage_types = []
    max_count = 1

    class Meta:
        verbose_name = "team page"

    def meta_description_fallback(self):
        return self.intro

    def people(self):
        guides = ArticlePage.objects.listed().defer_streamfields()
        return list(
            Author.objects.filter(on_team_page=True)
            .select_related("photo")
            .prefetch_related(Prefetch("guides", queryset=guides, to_attr="guide_list"))
        )

    @path("")
    def team(self, request):
        return self.render(request, context_overrides={"people": self.people()})

    @path("<slug:slug>/")
    def person(self, request, slug):
        people = [person for person in self.people() if person.slug == slug]
        if not people:
            raise Http404("No such person on the team page")
        self._person = people[0]
        return self.render(
            request,
            template="blog/person_page.html",
            context_overrides={"person": self._person},
        )

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        if not self.live:
            return urls
        base = self.get_full_url(request)
        for person in Author.objects.filter(on_team_page=True):
            urls.append({"location": f"{base}{person.slug}/", "lastmod": self.last_published_at})
        return urls

    # SEO: the person's page speaks for the person -------------------------------------------

    def meta_title(self, request, title=None):
        person = getattr(self, "_person", None)
        if person is not None:
            title = f"{person.name}, {person.role}" if person.role else person.name
        return super().meta_title(request, title)

    def meta_description(self, request):
        person = getattr(self, "_person", None)
        if person is not None and person.bio:
            return plain_text(person.bio)
        return super().meta_description(request)

    def breadcrumbs(self):
        crumbs = list(super().breadcrumbs())
        person = getattr(self, "_person", None)
        if person is not None and crumbs[-1][0] == self.title:
            crumbs.append((person.name, f"{self.url}{person.slug}/"))
        return crumbs

    def person_json_ld(self, request, person):
        organisation = self.site_settings(request).organization_json_ld(request)
        data = {
            "@context": "https://schema.org",
            "@type": "Person",
            "name": person.name,
            "url": absolute_url(request, f"{self.url}{person.slug}/"),
            "worksFor": {key: organisation[key] for key in ("@type", "name", "url")},
        }
        if person.role:
            data["jobTitle"] = person.role
        if person.bio:
            data["description"] = plain_text(person.bio, limit=None)
        if person.photo:
            rendition = person.photo.get_rendition("fill-400x400|format-jpeg")
            data["image"] = absolute_url(request, rendition.url)
        if person.linkedin_url:
            data["sameAs"] = [person.linkedin_url]
        return data

    def extra_json_ld(self, request):
        person = getattr(self, "_person", None)
        if person is not None:
            return [self.person_json_ld(request, person)]
        return [self.person_json_ld(request, person) for person in self.people()]
