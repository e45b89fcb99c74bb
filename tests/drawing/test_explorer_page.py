"""The explorer page in Debian's chromium (Playwright): fitted view, zoom, pan, search, collapse, the keyboard,
the panel's links, the quote in context, the outline, print media, axe-core, the comparison page."""
from __future__ import annotations

import json
import re

import pytest

import argmap
from pagekit import AXE, PHONES, STALEMATE, ZHANG, chromium, open_page, pages  # noqa: F401 - fixtures

pytestmark = pytest.mark.browser


def _rect(page, selector: str) -> dict:
    return page.evaluate(f"(() => {{ const r = document.querySelector({json.dumps(selector)}).getBoundingClientRect();"
                         " return {left: r.left, top: r.top, right: r.right, bottom: r.bottom, width: r.width}; })()")


def _inside(inner: dict, outer: dict, slack: float = 1) -> bool:
    return (inner["left"] >= outer["left"] - slack and inner["right"] <= outer["right"] + slack
            and inner["top"] >= outer["top"] - slack and inner["bottom"] <= outer["bottom"] + slack)


def _zoom(page) -> int:
    return int(page.get_attribute("#viewport", "data-zoom"))


@pytest.mark.parametrize("size", [(1366, 768), (1920, 1080)])
@pytest.mark.parametrize("name", ["zhang", "stalemate", "phones", "compare", "generated"])
def test_opens_on_a_fitted_view_with_the_thesis_visible(pages, open_page, name, size):
    page, requests = open_page(pages[name], *size)
    viewport = _rect(page, "#viewport")
    assert _inside(_rect(page, "#viewport svg > g"), viewport)  # the whole diagram is in view
    assert _inside(_rect(page, "g.node.thesis"), viewport)
    assert requests == [pages[name].as_uri()]  # nothing from the network, or from anywhere else


def test_wheel_keys_and_buttons_zoom_fit_and_reset(pages, open_page):
    page, _ = open_page(pages["zhang"])
    fitted = _zoom(page)
    box = _rect(page, "#viewport")
    page.mouse.move(box["left"] + 300, box["top"] + 300)
    page.mouse.wheel(0, -400)
    assert _zoom(page) > fitted
    page.click("#fit")
    assert _zoom(page) == fitted
    page.focus("#viewport")
    page.keyboard.press("+")
    assert _zoom(page) > fitted
    page.keyboard.press("0")
    assert _zoom(page) == fitted
    page.click("#zoom-in")
    page.click("#zoom-out")
    assert abs(_zoom(page) - fitted) <= 1
    page.click("#reset")
    assert _zoom(page) == 100 and _inside(_rect(page, "g.node.thesis"), _rect(page, "#viewport"))
    # a touchpad's pinch arrives as a wheel event with ctrl held
    page.dispatch_event("#viewport", "wheel", {"deltaY": -50, "ctrlKey": True, "clientX": 400, "clientY": 300})
    assert _zoom(page) > 100


def test_dragging_pans_and_arrow_keys_pan(pages, open_page):
    page, _ = open_page(pages["zhang"])
    page.click("#zoom-in")
    before = _rect(page, "g.node.thesis")
    box = _rect(page, "#viewport")
    page.mouse.move(box["left"] + 500, box["top"] + 400)
    page.mouse.down()
    page.mouse.move(box["left"] + 600, box["top"] + 450, steps=5)
    page.mouse.up()
    after = _rect(page, "g.node.thesis")
    assert after["left"] - before["left"] == pytest.approx(100, abs=4)
    assert after["top"] - before["top"] == pytest.approx(50, abs=4)
    page.focus("#viewport")
    page.keyboard.press("ArrowLeft")
    assert _rect(page, "g.node.thesis")["left"] > after["left"]


def test_search_finds_texts_quotes_ids_actors_and_tags_and_steps_through_them(pages, open_page):
    page, _ = open_page(pages["zhang"])
    for query in ("trust each other", "factor-a", "Russia", "Tsinghua"):
        page.fill("#find", query)
        expected = page.evaluate(f"""Object.entries(JSON.parse(document.getElementById('argmap-data').textContent).nodes)
            .filter(([id, n]) => id.startsWith('claim-') && [n.text, ...n.quotes, ...n.details].join(' ').toLowerCase()
            .includes({json.dumps(query.lower())})).length""")
        assert page.locator("g.node.match").count() == expected, query
    page.fill("#find", "Russia")
    found = page.locator("g.node.match").count()
    assert found >= 2 and page.inner_text("#count") == f"{found} found"
    page.press("#find", "Enter")
    assert page.inner_text("#count") == f"1 of {found}"
    first = page.get_attribute("#panel", "data-shown")
    assert "russia" in page.inner_text("#panel").lower()
    page.click("#next")
    assert page.inner_text("#count") == f"2 of {found}" and page.get_attribute("#panel", "data-shown") != first
    page.click("#previous")
    assert page.get_attribute("#panel", "data-shown") == first
    assert _inside(_rect(page, f"#{first}"), _rect(page, "#viewport"))  # the match is brought into view
    page.fill("#find", "")
    assert page.locator("g.node.match").count() == 0


def test_a_quote_is_found_though_its_line_wraps(pages, open_page):
    model = argmap.load(PHONES)
    quote = model.claims["attention-lost"].quotes[0]
    page, _ = open_page(pages["phones"])
    page.fill("#find", quote[10:70])
    assert page.locator("g.node.match").count() == 1 and page.locator("#claim-attention-lost.match").count() == 1


def test_collapse_and_expand_a_branch_and_expand_to_a_depth(pages, open_page):
    page, _ = open_page(pages["zhang"])
    model = argmap.load(ZHANG)
    page.click(f"#claim-{model.thesis}")
    page.click("#panel button.fold")
    hidden = page.locator("g.node.gone").count()
    assert hidden > len(model.claims) // 2
    assert page.locator(f"#claim-{model.thesis}.folded text.hidden-count").count() == 1
    page.click("#panel button.fold")
    assert page.locator("g.node.gone").count() == 0
    page.select_option("#depth", "1")
    shown = page.evaluate("[...document.querySelectorAll('g.node[id^=claim-]:not(.gone)')].map(n => n.id)")
    direct = {f"claim-{p}" for a in model.arguments_for(model.thesis) for p in a.premises}
    direct |= {f"claim-{o.claim}" for o in model.objections_to(model.thesis)}
    direct |= {f"claim-{o.claim}" for a in model.arguments_for(model.thesis) for o in model.objections_to(a.id)}
    direct |= {f"claim-{c.id}" for _, c in model.spelled_out_by(model.thesis)}  # issue 16's spell-outs are steps
    direct |= {f"claim-{c}" for t in model.tensions_of(model.thesis) for c in t.claims}
    from argmap.drawing.page import edges

    down: dict[str, list[str]] = {}
    for lower, upper, _, _ in edges(model):
        down.setdefault(upper, []).append(lower)
    reached, todo = {f"claim-{model.thesis}"}, [f"claim-{model.thesis}"]
    while todo:
        for lower in down.get(todo.pop(), []):
            if lower not in reached:
                reached.add(lower)
                todo.append(lower)
    unreached = {f"claim-{c}" for c in model.claims} - reached  # no depth: a depth hides none of them
    assert set(shown) == direct | {f"claim-{model.thesis}"} | unreached
    page.select_option("#depth", "")
    assert page.locator("g.node.gone").count() == 0


def test_every_claim_is_reached_and_opened_with_the_keyboard(pages, open_page):
    page, _ = open_page(pages["stalemate"])
    model = argmap.load(STALEMATE)
    reachable = page.evaluate("[...document.querySelectorAll('#viewport g.node[tabindex=\"0\"][role=button]')]"
                              ".map(n => n.id)")
    assert set(reachable) >= {f"claim-{c}" for c in model.claims}
    page.focus("#viewport")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.id")
    assert focused.startswith("claim-")
    page.keyboard.press("Enter")
    assert page.get_attribute("#panel", "data-shown") == focused
    # the panel's links are reached and followed with the keyboard too
    follow = page.locator("#panel section.relations a.go, #panel section.path a.go").last
    follow.focus()
    target = follow.get_attribute("data-id")
    page.keyboard.press("Enter")
    assert page.get_attribute("#panel", "data-shown") == target
    assert page.evaluate("document.activeElement.id") == target
    page.keyboard.press("Escape")
    assert page.evaluate("document.activeElement.id") == "viewport"


def test_the_panel_follows_the_argument_and_marks_the_path_to_the_thesis(pages, open_page):
    page, _ = open_page(pages["phones"])
    page.click("#claim-attention-lost")
    panel = page.locator("#panel")
    supports = panel.locator("section.relations", has_text="Supports")
    assert supports.locator("a.go").all_inner_texts() == ["Phones distract students."]
    path = panel.locator("section.path a.go").all_inner_texts()
    assert path == ["A buzz pulls attention from the lesson, and lost attention takes minutes to return.",
                    "Phones distract students.", "Schools should ban phones in class."]
    on_path = set(page.evaluate("[...document.querySelectorAll('.onpath')].map(e => e.id)"))
    assert {"claim-attention-lost", "claim-phones-distract", "claim-ban-phones", "supports-distraction-argument",
            "premise-attention-evidence-0"} <= on_path
    supported_by = panel.locator("section.relations", has_text="Supported by")
    assert supported_by.count() == 0  # evidence stands on nothing
    panel.locator("section.relations", has_text="Supports").locator("a.go").click()
    assert page.get_attribute("#panel", "data-shown") == "claim-phones-distract"
    assert "A buzz pulls attention" in panel.locator("section.relations", has_text="Supported by").inner_text()
    page.click("#claim-ban-phones")
    attacked = page.locator("#panel section.relations", has_text="Attacked by").locator("a.go").all_inner_texts()
    assert "Phones are needed in emergencies." in attacked and "A ban cannot be enforced." in attacked


def test_the_quote_stands_highlighted_in_its_paragraph_and_the_source_view_links_back(pages, open_page, essays):
    page, _ = open_page(pages["stalemate"])
    model = argmap.load(STALEMATE)
    claim = next(c for c in model.claims.values() if c.quotes and not c.implicit)
    page.click(f"#claim-{claim.id}")
    marked = page.locator("#panel section.context mark").all_inner_texts()
    assert marked and " ".join(marked[0].split()).lower()[:30] == " ".join(claim.quotes[0].split()).lower()[:30]
    page.locator("#panel a.to-source").first.click()
    assert page.is_visible("#view-source") and not page.is_visible("#view-diagram")
    links = page.locator("#source a.quote")
    assert links.count() >= len([c for c in model.claims.values() if c.quotes]) * 0.9
    other = links.nth(3)
    target = other.get_attribute("data-id")
    other.click()
    assert page.is_visible("#view-diagram") and page.get_attribute("#panel", "data-shown") == target


def test_the_outline_is_the_markdown_exports_tree(pages, open_page):
    page, _ = open_page(pages["zhang"])
    page.click("button[data-view=outline]")
    markdown = argmap.export(argmap.load(ZHANG), "markdown").split("\n## Tensions\n")[0]  # a list after the tree
    claim_lines = [line for line in markdown.splitlines() if re.match(r"\s*- .*\*\*", line)]
    items = page.locator("#outline li.claim")
    assert items.count() == len(claim_lines)
    texts = page.locator("#outline li.claim > a.go").all_inner_texts()
    assert [re.search(r"\*\*(.*)\*\* _", line).group(1) for line in claim_lines] == texts
    first = page.locator("#outline button.toggle").first
    first.click()
    assert first.get_attribute("aria-expanded") == "false"
    assert not page.locator("#outline > ul > li > ul").first.is_visible()
    first.press("Enter")
    assert page.locator("#outline > ul > li > ul").first.is_visible()


def test_print_media_shows_the_overview_and_the_outline_not_the_diagram(pages, open_page):
    page, _ = open_page(pages["zhang"])
    page.emulate_media(media="print")
    assert page.is_visible("#view-overview svg") and page.is_visible("#view-outline")
    assert not page.is_visible("#viewport") and not page.is_visible("#bar") and not page.is_visible("#panel")
    markdown = argmap.export(argmap.load(ZHANG), "markdown").split("\n## Tensions\n")[0]  # a list after the tree
    assert page.locator("#outline li.claim").count() == len(re.findall(r"(?m)^\s*- .*\*\*", markdown))


def test_the_overview_view_opens_a_sections_main_claim(pages, open_page):
    page, _ = open_page(pages["zhang"])
    page.click("button[data-view=overview]")
    page.locator("#view-overview g.node.thesis").click()
    assert page.is_visible("#view-diagram")
    assert page.get_attribute("#panel", "data-shown") == f"claim-{argmap.load(ZHANG).thesis}"


def test_the_comparison_page_shows_a_claims_links_and_a_filterable_table(pages, open_page):
    page, requests = open_page(pages["compare"])
    data = json.loads(page.inner_text("#argmap-data"))
    link = next(item for item in data["links"] if item["note"])
    page.evaluate(f"argmapShow({json.dumps(link['a'])})")
    links = page.locator("#panel section.relations", has_text="Links to the other map")
    assert link["note"] in links.inner_text() and link["relation"] in links.inner_text()
    page.click("button[data-view=links]")
    rows = page.locator("#links tbody tr")
    assert rows.count() == len(data["links"])
    page.select_option("#relation", "contradicts")
    visible = page.locator("#links tbody tr:visible")
    assert visible.count() == len([x for x in data["links"] if x["relation"] == "contradicts"]) > 0
    page.fill("#link-find", "covid")
    assert 0 < page.locator("#links tbody tr:visible").count() < visible.count() + 1
    assert requests == [pages["compare"].as_uri()]


@pytest.mark.parametrize("name", ["zhang", "stalemate", "phones", "compare", "linked", "generated"])
def test_axe_core_finds_no_violation(pages, open_page, name):
    if not AXE.is_file():
        pytest.skip("axe-core is not installed: npm ci --prefix tests/tools")
    page, _ = open_page(pages[name])
    page.add_script_tag(path=str(AXE))  # into this tab only, never into the page's file
    for view in page.locator("nav .tab").all():
        view.click()
        result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
        violations = [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]]
        assert violations == [], violations


def test_a_big_maps_text_is_added_as_it_comes_into_view(pages, open_page):
    page, _ = open_page(pages["generated"])
    assert page.locator("#viewport g.node text").count() == 0  # fitted: no text parsed or drawn yet
    assert page.get_attribute("#claim-c5", "aria-label")  # but every node has its name
    page.evaluate("argmapShow('claim-c5')")
    page.wait_for_function("document.querySelectorAll('#claim-c5 text').length > 1")
    text = page.evaluate("[...document.querySelectorAll('#claim-c5 text')].map(t => t.textContent).join(' ')")
    assert " ".join(text.split()) in page.get_attribute("#claim-c5", "aria-label")
