"""The portal's registries: the apps' figures, charts and comparison columns, in order."""

from __future__ import annotations

from typing import Any

from django.test import RequestFactory

from mechelen.web.portal import sections
from mechelen.web.portal.sections import ChartPanel, KeyFigure, MemberColumn
from tests.web.conftest import World


def test_registries_gather_every_app_in_order(world: World, monkeypatch: Any) -> None:
    monkeypatch.setattr(sections, "_HOME_FIGURES", [])
    monkeypatch.setattr(sections, "_CITY_FIGURES", [])
    monkeypatch.setattr(sections, "_CITY_CHARTS", [])
    monkeypatch.setattr(sections, "_MEMBER_COLUMNS", [])

    @sections.home_figures
    def late(request: Any, public: Any) -> list[KeyFigure]:
        return [KeyFigure("Late", 2, order=90)]

    @sections.home_figures
    def early(request: Any, public: Any) -> list[KeyFigure]:
        return [KeyFigure("Early", 1, order=5)]

    @sections.city_figures
    def of_city(request: Any, organisation: Any) -> list[KeyFigure]:
        return [KeyFigure(organisation.name, 1)]

    @sections.city_charts
    def chart(request: Any, organisation: Any) -> list[ChartPanel]:
        return [ChartPanel("k", "T", "D", {}, ["A"], [["a"]], order=2)]

    @sections.member_columns
    def column(request: Any, network: Any, members: list[Any]) -> list[MemberColumn]:
        return [MemberColumn("Size", {m.pk: 1 for m in members})]

    request = RequestFactory().get("/")
    organisation = world.a.organisation
    assert [f.label for f in sections.figures_of_home(request, None)] == ["Early", "Late"]  # type: ignore[arg-type]
    assert [f.label for f in sections.figures_of_city(request, organisation)] == ["City A"]
    assert [p.key for p in sections.charts_of_city(request, organisation)] == ["k"]
    (found,) = sections.columns_of_network(request, world.network, [organisation])
    assert found.values == {organisation.pk: 1}
