"""axe-core (vendored, tests/quality/vendor/) in chromium on the main pages, as each role:
no serious or critical WCAG 2.1 A/AA violation, and no Content Security Policy violation."""

from pathlib import Path

import pytest

from tests.factories import (
    AdminFactory,
    CommitteeMemberFactory,
    DelegateFactory,
    ISUStaffFactory,
    StateFactory,
)
from tests.quality.world import build_world

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

AXE = (Path(__file__).parent / "vendor" / "axe.min.js").read_text()
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
PAGES = [
    "/",
    "/accounts/login/",
    "/states/",
    "/states/LAO/",
    "/workplans/",
    "/workplans/2025/",
    "/workplans/2025/budget/",
    "/budgets/",
    "/meetings/",
    "/meetings/13MSP/",
    "/invoices/",
    "/contributions/",
]


def axe_violations(page) -> list[str]:
    page.evaluate(AXE)  # through the DevTools protocol: the page's CSP does not apply to it
    result = page.evaluate(
        "async (tags) => await axe.run(document, {runOnly: {type: 'tag', values: tags}})", TAGS
    )
    return [
        f"{v['id']} ({v['impact']}): {v['help']} at "
        + ", ".join(" ".join(node["target"]) for node in v["nodes"][:3])
        for v in result["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_main_pages_of_every_role(browser_page, sign_in):
    state_a = StateFactory(name="France", iso3="FRA")
    state_b = StateFactory(name="Lao People's Democratic Republic", iso3="LAO")
    build_world(state_a=state_a, state_b=state_b)
    users = {
        "anonymous": None,
        "delegate_a": DelegateFactory(username="a11y-delegate-a", state=state_a),
        "delegate_b": DelegateFactory(username="a11y-delegate-b", state=state_b),
        "committee": CommitteeMemberFactory(username="a11y-committee"),
        "isu": ISUStaffFactory(username="a11y-isu"),
        "admin": AdminFactory(username="a11y-admin"),
    }
    page = browser_page
    csp_errors = []
    page.on(
        "console",
        lambda message: (
            csp_errors.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )
    problems, checked = [], 0
    for role, user in users.items():
        page.context.clear_cookies()
        if user is not None:
            sign_in(page, user.username)
        for path in PAGES:
            response = page.goto(path)
            if response.status != 200 or "/accounts/login/" in page.url and path != PAGES[1]:
                continue  # not this role's page (the access matrix checks who sees what)
            checked += 1
            problems += [f"{role} {path}: {v}" for v in axe_violations(page)]
    assert checked >= 40, f"only {checked} pages were checked"
    assert not problems, "\n".join(problems)
    assert not csp_errors, "\n".join(csp_errors)
