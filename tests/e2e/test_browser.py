"""The dashboard in a real browser: every demo event drawn, hover, click-to-detail, upload with XSS markup.

Screenshots for docs/dashboard.md are written to docs/screenshots/.
"""

from __future__ import annotations

import html
import re

import pytest

pytest.importorskip("pytest_playwright", reason="pip install playwright pytest-playwright")
from browser_helpers import (  # noqa: E402
    COUNT_RUNS_JS,
    EVENT_IDS_JS,
    ISOLATED_POINT_JS,
    SCREENSHOTS,
    rerun_and_wait,
    wait_idle,
)
from playwright.sync_api import TimeoutError as PlaywrightTimeout  # noqa: E402
from playwright.sync_api import expect  # noqa: E402

pytestmark = pytest.mark.e2e

XSS = ('published: 2022-02-10\ntitle: Minsk <img src=x onerror="window.__xss=1"> report\n\n'
       'On Wednesday, <img src=x onerror="window.__xss=1"> troops arrived in Minsk. '
       '<script>window.__xss=2</script> Talks are set for 14 February.\n')  # fmt: skip


def timeline_chart(page):
    return page.get_by_test_id("stPlotlyChart").locator(".js-plotly-plot").first


def drawn_count(page) -> int:
    caption = page.get_by_text(re.compile(r"^\d+ dated events? drawn")).first.inner_text()
    return int(caption.split()[0])


def open_app(page, url):
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(url)
    wait_idle(page)
    no_exception(page)
    return dialogs


def no_exception(page) -> None:
    errors = page.get_by_test_id("stException")
    assert errors.count() == 0, errors.first.inner_text()


def plain(hover: str) -> tuple[str, str]:
    """(title, date line) of a hover text as the browser shows it (tags dropped, entities decoded)."""
    lines = hover.split("<br>")
    return html.unescape(re.sub(r"<[^>]+>", "", lines[0])), html.unescape(lines[1])


def test_chart_shows_every_demo_event_hover_and_click(page, app_url):
    open_app(page, app_url)
    chart = timeline_chart(page)
    ids = chart.evaluate(EVENT_IDS_JS)
    assert len(ids) == drawn_count(page) > 30
    page.screenshot(path=str(SCREENSHOTS / "timeline.png"))
    x, y, hover, event_id = chart.evaluate(ISOLATED_POINT_JS, None)
    title, when = plain(hover)
    page.mouse.move(x, y)
    label = chart.locator(".hoverlayer .hovertext")
    expect(label).to_contain_text(title[:40])
    expect(label).to_contain_text(when)
    page.screenshot(path=str(SCREENSHOTS / "hover.png"))
    rerun_and_wait(page, lambda: page.mouse.click(x, y))
    expect(page.get_by_text("How the date was resolved")).to_be_visible()
    expect(page.get_by_role("combobox", name="Event details")).to_have_value(re.compile("^" + re.escape(title[:30])))
    assert re.search(r"[?&]event=" + event_id, page.url)  # the selection is in the shareable link
    panel = page.get_by_test_id("stVerticalBlock").filter(has_text="How the date was resolved").filter(
        has_text="Correct this event").last  # fmt: skip
    panel.screenshot(path=str(SCREENSHOTS / "detail.png"))


def test_shared_link_reopens_view(page, app_url):
    open_app(page, app_url + "/?lanes=actors&color=source&q=troops")
    expect(page.get_by_role("combobox", name="Lanes")).to_have_value("Actor")
    ids = timeline_chart(page).evaluate(EVENT_IDS_JS)
    assert 0 < len(ids) == drawn_count(page)
    assert "q=troops" in page.url and "lanes=actors" in page.url


def test_box_select_sets_the_dates_filter_and_the_link_keeps_it(page, app_url):
    open_app(page, app_url)
    chart = timeline_chart(page)
    before = drawn_count(page)
    chart.hover()
    page.locator('.modebar-btn[data-title="Box Select"]').first.click()
    box = chart.locator(".nsewdrag").first.bounding_box()
    x0, x1, y = box["x"] + box["width"] * 0.55, box["x"] + box["width"] * 0.75, box["y"] + box["height"] / 2

    def drag() -> None:
        page.mouse.move(x0, y)
        page.mouse.down()
        page.mouse.move(x1, y, steps=8)
        page.mouse.up()

    rerun_and_wait(page, drag)
    found = re.search(r"[?&]from=(\d{4}-\d\d-\d\d)&to=(\d{4}-\d\d-\d\d)", page.url)
    assert found and found.group(1) < found.group(2), page.url
    assert 0 < drawn_count(page) < before  # the filter, not only the view: fewer events drawn
    shown = page.get_by_test_id("stDateInput").locator("input").evaluate_all("els => els.map(e => e.value)")
    assert found.group(1) in shown and found.group(2) in shown, shown  # the sidebar's Dates filter shows them


def test_tabs_render_offline(page, app_url):
    open_app(page, app_url)
    page.get_by_role("tab", name="Map").click()
    geo = page.get_by_test_id("stPlotlyChart").nth(1)
    expect(geo.locator(".geo .scattergeo .point").first).to_be_attached(timeout=20_000)
    expect(geo.locator(".geo .countries path, .geo .land path").first).to_be_attached(timeout=20_000)
    page.screenshot(path=str(SCREENSHOTS / "map.png"))
    page.get_by_role("tab", name="Sources").click()
    expect(page.get_by_role("tabpanel", name="Sources").get_by_test_id("stDataFrame").first).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "sources.png"))


def test_upload_with_markup_adds_events_and_runs_nothing(page, app_url, tmp_path):
    dialogs = open_app(page, app_url)
    chart = timeline_chart(page)
    before = set(chart.evaluate(EVENT_IDS_JS))
    (tmp_path / "xss.txt").write_text(XSS)
    uploader = page.get_by_test_id("stFileUploader").first.locator("input[type=file]")
    rerun_and_wait(page, lambda: uploader.set_input_files(tmp_path / "xss.txt"))
    no_exception(page)
    after = set(timeline_chart(page).evaluate(EVENT_IDS_JS))
    assert before < after and len(after - before) >= 2
    x, y, hover, _ = timeline_chart(page).evaluate(ISOLATED_POINT_JS, "&lt;script&gt;")
    page.mouse.move(x, y)
    label = timeline_chart(page).locator(".hoverlayer .hovertext")
    expect(label).to_contain_text("<script>window.__xss=2</script>")  # shown as text ...
    page.screenshot(path=str(SCREENSHOTS / "upload_markup.png"))
    rerun_and_wait(page, lambda: page.mouse.click(x, y))
    expect(page.get_by_text("How the date was resolved")).to_be_visible()
    expect(page.get_by_text("<script>window.__xss=2</script>", exact=False).first).to_be_visible()
    for frame in page.frames:  # ... and never run, in the page or in any component frame
        assert frame.evaluate("typeof window.__xss") == "undefined"
    assert dialogs == []
    assert page.locator("img[src=x]").count() == 0 and page.locator("script:not([src])").filter(
        has_text="__xss").count() == 0  # fmt: skip
    check_html_export(page, tmp_path)


def check_html_export(page, tmp_path) -> None:
    """The exported page draws the chart offline and runs none of the article's markup."""
    page.get_by_role("tab", name="Export").click()
    with page.expect_download(timeout=60_000) as download:
        page.get_by_role("button", name="Interactive HTML").click()
    path = tmp_path / "export.html"
    download.value.save_as(path)
    exported = page.context.new_page()
    dialogs: list[str] = []
    exported.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    exported.route("**/*", lambda route: route.abort() if not route.request.url.startswith("file:") else
                   route.continue_())  # fmt: skip  # offline: any network request fails
    exported.goto(path.as_uri())
    chart = exported.locator(".js-plotly-plot").first
    expect(chart).to_be_attached(timeout=30_000)
    assert len(chart.evaluate(EVENT_IDS_JS)) > 30
    expect(exported.get_by_text("<script>window.__xss=2</script>", exact=False).first).to_be_visible()
    assert exported.evaluate("typeof window.__xss") == "undefined" and dialogs == []
    assert exported.locator("img[src=x]").count() == 0
    exported.close()


def click_until_rerun(page, x: float, y: float, tries: int = 5) -> None:
    """Click a grid cell until the app reruns: the canvas grid ignores clicks while it is still laying out."""
    page.evaluate(COUNT_RUNS_JS)
    for _ in range(tries):
        page.mouse.move(x, y)
        page.wait_for_timeout(300)
        page.mouse.click(x, y)
        try:
            page.wait_for_function("window.__runsSeen > 0", timeout=8_000)
        except PlaywrightTimeout:
            continue
        wait_idle(page)
        return
    raise AssertionError("the grid never took the click")


def test_table_edits_are_audited_and_keep_the_tab(page, app_url):
    open_app(page, app_url)
    page.get_by_role("tab", name="Table").click()
    panel = page.get_by_role("tabpanel", name="Table")
    grid = panel.get_by_test_id("stDataFrame").first
    expect(grid.locator("canvas").first).to_be_visible()
    page.wait_for_timeout(1000)  # the grid paints its cells after the canvas appears
    box = grid.bounding_box()
    header, row = 36, 35  # glide-data-grid geometry in Streamlit 1.67
    click_until_rerun(page, box["x"] + 43, box["y"] + header + row / 2)  # tick "hidden"
    expect(panel.get_by_text("(1 change)")).to_be_visible()  # still on the Table tab, change logged
    box = panel.get_by_test_id("stDataFrame").first.bounding_box()
    cell_editor = page.locator("textarea").last
    for _ in range(10):  # the title cell of the new first row; the grid is redrawn after the rerun
        page.mouse.dblclick(box["x"] + 330, box["y"] + header + row / 2)
        try:
            expect(cell_editor).to_be_visible(timeout=1_500)
            break
        except AssertionError:
            continue
    page.keyboard.press("Control+A")
    page.keyboard.type("Edited in the grid")
    page.wait_for_timeout(500)  # let the cell editor take the typed value before committing it
    rerun_and_wait(page, lambda: page.keyboard.press("Enter"))
    expect(panel.get_by_text("(2 changes)")).to_be_visible()
    audit = panel.get_by_test_id("stDataFrame").last
    expect(audit).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "table.png"))
    page.get_by_role("tab", name="Timeline").click()
    assert len(timeline_chart(page).evaluate(EVENT_IDS_JS)) == drawn_count(page)


def test_a_corrected_title_shows_in_the_event_picker(page, app_url):
    open_app(page, app_url)
    picker = page.get_by_test_id("stSelectbox").filter(has_text="Event details").first
    picker.click()
    page.keyboard.type("Gerasimov arrived")
    rerun_and_wait(page, lambda: page.get_by_role("option").first.click())
    assert picker.locator("input").input_value().startswith("Gerasimov arrived")
    form = page.get_by_test_id("stForm").first
    form.get_by_label("Title").fill("Army chief lands in Belarus")
    rerun_and_wait(page, lambda: form.get_by_role("button", name="Save correction").click())
    no_exception(page)
    picker = page.get_by_test_id("stSelectbox").filter(has_text="Event details").first
    assert picker.locator("input").input_value() == "Army chief lands in Belarus"  # not the title it was picked by
