#!/usr/bin/env python3
"""A phone's browser in the room: Debian's Chromium, headless, driven by selenium through
chromedriver, follows a presenter that this script moves in tmux (`tmux -L SOCKET send-keys -t
TARGET`). Each check waits for the page to show the change (at most `--within` seconds) and
fails with what it saw.

  web_browser.py follow PORT CODE SOCKET TARGET OUTDIR     the code, following, browsing, Follow, screenshots
  web_browser.py hostile PORT SOCKET TARGET OUTDIR         an open room on a hostile briefing: text stays text

Prints one JSON object per check ({"check": ..., "seconds": ...}) and exits 1 at the first
that fails.
"""
import json, os, subprocess, sys, time
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

WITHIN = 1.0

def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for a in ["--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run", "--disable-extensions"]:
        options.add_argument(a)
    d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    phone(d)
    return d

def phone(d):
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 375, "height": 812, "deviceScaleFactor": 2, "mobile": True})

def laptop(d):
    d.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": 1280, "height": 800, "deviceScaleFactor": 1, "mobile": False})

def dark(d, on):
    d.execute_cdp_cmd("Emulation.setEmulatedMedia", {"features": [{"name": "prefers-color-scheme", "value": "dark" if on else "light"}]})

class Presenter:
    def __init__(self, socket, target): self.socket, self.target = socket, target
    def keys(self, *keys): subprocess.run(["tmux", "-L", self.socket, "send-keys", "-t", self.target, *keys], check=True)
    def screen(self): return subprocess.run(["tmux", "-L", self.socket, "capture-pane", "-p", "-t", self.target], capture_output=True, text=True).stdout
    def status(self): return (self.screen().rstrip("\n").split("\n") or [""])[-1]


def fail(what, saw):
    print(json.dumps({"check": what, "failed": True, "saw": saw}), flush=True)
    sys.exit(1)

def wait(what, probe, within=WITHIN):
    """Waits for probe() to return something true; reports how long it took. A probe that
    raises (the page is being replaced) counts as not yet."""
    start = time.monotonic()
    while True:
        try: value = probe()
        except Exception as e: value = f"{type(e).__name__}"
        if value:
            print(json.dumps({"check": what, "seconds": round(time.monotonic() - start, 3)}), flush=True)
            return value
        if time.monotonic() - start > within:
            fail(what, value)
        time.sleep(0.02)

def here(d):
    """The element the page marks as the presenter's place: its id, or its tag and text."""
    return d.execute_script("""
      var all = document.querySelectorAll('[aria-current="true"]');
      if (all.length !== 1) return all.length ? 'several' : null;
      var e = all[0];
      var outlined = e.classList.contains('live-here');
      return (e.id || (e.tagName.toLowerCase() + ':' + e.textContent.trim().slice(0, 40))) + (outlined ? '' : ' (not outlined)');""")

def settled(d):
    """Waits for the page to stop scrolling (a wheel's scroll is animated)."""
    last, since = None, time.monotonic()
    while time.monotonic() - since < 0.3:
        y = d.execute_script("return scrollY")
        if y != last: last, since = y, time.monotonic()
        time.sleep(0.05)

def reading(d):
    """What the reader has in the middle of the screen (the bar above may grow a line, and the
    browser keeps the text in place by moving scrollY, so scrollY is not the measure)."""
    return d.execute_script("""var e = document.elementFromPoint(innerWidth / 2, innerHeight * 0.6);
      return e ? [e.tagName + ':' + e.textContent.trim().slice(0, 60), e.getBoundingClientRect().top] : null;""")

def same_reading(a, b):
    return a and b and a[0] == b[0] and abs(a[1] - b[1]) <= 2

def bar(d):
    return d.execute_script("return document.getElementById('live-mode').textContent + ' | ' + document.getElementById('live-caption').textContent")

def in_view(d):
    """Whether the marked place starts in the window, below the bar that stays over the page."""
    return d.execute_script("""var e = document.querySelector('[aria-current="true"]'); if (!e) return false;
      var r = e.getBoundingClientRect(), b = document.getElementById('live-bar').getBoundingClientRect();
      return r.top >= b.bottom - 1 && r.top < innerHeight;""")

def join(d, port, code):
    d.get(f"http://127.0.0.1:{port}/")
    wait("the code form", lambda: d.find_elements(By.ID, "code") and "Join the briefing" in d.title, within=5)
    d.find_element(By.ID, "code").send_keys("000000")
    d.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait("a wrong code is refused on the page", lambda: "not the room code" in d.page_source, within=5)
    d.find_element(By.ID, "code").send_keys(code)
    d.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait("the code opens the live page, following", lambda: d.find_elements(By.ID, "live-mode") and bar(d).startswith("following"), within=5)

def follow(port, code, presenter, out):
    d = browser()
    try:
        join(d, port, code)
        wait("the presenter counts a browser viewer", lambda: "1 watching · 1 in a browser" in presenter.screen(), within=5)
        first = wait("the presenter's pane is marked", lambda: here(d))
        presenter.keys("Tab")
        wait("the next pane is marked and in view", lambda: here(d) not in (None, first) and in_view(d) and here(d))
        presenter.keys("b")
        wait("a tour step's caption is in the bar", lambda: "Step 1/" in bar(d) and bar(d))
        presenter.keys("Space")
        wait("the next step's caption, still following", lambda: bar(d).startswith("following | Step 2/") and bar(d))
        presenter.keys("b")
        wait("leaving the tour clears the caption", lambda: bar(d).strip().endswith("|") and bar(d))
        presenter.keys("Enter")
        wait("an opened item is marked", lambda: (here(d) or "").startswith("li:") and here(d))
        presenter.keys("Escape")
        before = d.execute_script("return document.querySelector('.scenario strong').textContent")
        gauges = d.execute_script("return Array.from(document.querySelectorAll('.outlook')).map(function (e) { return e.textContent; }).join('|')")
        presenter.keys("w")
        wait("the what-if panel is marked", lambda: here(d) == "what-if" and here(d))
        presenter.keys("1")
        # The presenter is on the what-if section: a follower's page is the new scenario's, its
        # factors and rules included, not only the figures.
        wait("a scenario change updates the figures in place", lambda: d.execute_script("return document.querySelector('.scenario strong').textContent") != before
             and d.execute_script("return Array.from(document.querySelectorAll('.outlook')).map(function (e) { return e.textContent; }).join('|')") != gauges)
        wait("and the what-if section shows the presenter's choice", lambda: "(changed; baseline:" in d.execute_script("return document.getElementById('what-if').textContent")
             and here(d) == "what-if" and bar(d).startswith("following"))
        d.save_screenshot(os.path.join(out, "live-375x812.png"))
        dark(d, True)
        d.save_screenshot(os.path.join(out, "live-375x812-dark.png"))
        dark(d, False)
        presenter.keys("Escape")
        wait("the panel closed", lambda: here(d) != "what-if" and here(d))

        # The reader scrolls away: browsing, and the page stops following.
        ActionChains(d).scroll_by_amount(0, 1500).perform()
        wait("scrolling away is browsing, with a Follow button", lambda: bar(d).startswith("browsing") and d.find_element(By.ID, "live-follow").is_displayed())
        wait("the presenter counts a browsing viewer", lambda: "0 watching · 1 browsing · 1 in a browser" in presenter.screen(), within=5)
        settled(d)
        marked, scrolled = here(d), reading(d)
        presenter.keys("Tab")
        presenter.keys("Tab")
        # A change the page does show while browsing (the bar's caption follows the tour), so
        # the check below waits for the message to have come, then looks at what did not move.
        presenter.keys("b")
        wait("while browsing the caption still updates", lambda: "Step 1/" in bar(d))
        settled(d)
        if here(d) != marked or not same_reading(reading(d), scrolled):
            fail("a browsing reader is not moved", {"here": here(d), "was": marked, "reading": reading(d), "was_reading": scrolled})
        print(json.dumps({"check": "a browsing reader is not moved"}), flush=True)
        # A scenario change while browsing: the figures change in place (the same document),
        # and the what-if section says it is for the scenario before.
        d.execute_script("window.sameDocument = true")
        figures_before = d.execute_script("return Array.from(document.querySelectorAll('.outlook')).map(function (e) { return e.textContent; }).join('|')")
        presenter.keys("w")
        presenter.keys("1")
        wait("while browsing, the figures change in place and the what-if section says it is out of date",
             lambda: d.execute_script("return window.sameDocument === true && !!document.querySelector('#what-if .live-stale')")
             and d.execute_script("return Array.from(document.querySelectorAll('.outlook')).map(function (e) { return e.textContent; }).join('|')") != figures_before)
        settled(d)
        if here(d) != marked or not same_reading(reading(d), scrolled):
            fail("a browsing reader is not moved by a scenario change", {"here": here(d), "was": marked})
        presenter.keys("Escape")
        d.find_element(By.ID, "live-follow").click()
        wait("Follow snaps back to the presenter", lambda: bar(d).startswith("following") and here(d) != marked and in_view(d))
        # (The tour's step leads the presenter's status bar now, so the route may give way.)
        wait("the presenter counts it following again", lambda: " 1 watching" in presenter.status() and "browsing" not in presenter.status(), within=5)

        # A wider window (a laptop, a turned phone) keeps a follower on the presenter's place.
        laptop(d)
        wait("after a resize the presenter's place is still in view", lambda: in_view(d))
        settled(d)
        d.save_screenshot(os.path.join(out, "live-1280x800.png"))
        # Screen readers: the caption is a polite live region, sections have headings.
        checks = d.execute_script("""return {
          live: document.getElementById('live-caption').getAttribute('aria-live'),
          headings: document.querySelectorAll('section > h2').length,
          sections: document.querySelectorAll('section[id]').length,
          lang: document.documentElement.lang }""")
        if checks["live"] != "polite" or checks["headings"] < 5 or checks["headings"] < checks["sections"] - 1 or not checks["lang"]:
            fail("a screen reader's landmarks", checks)
        print(json.dumps({"check": "a screen reader's landmarks", "saw": checks}), flush=True)
        # (The wrong code's 403 and the favicon's 404 are the network's, and expected.)
        errors = [e for e in d.get_log("browser") if e.get("level") == "SEVERE" and e.get("source") != "network"]
        if errors: fail("no errors in the console (a CSP violation would be one)", errors)
        print(json.dumps({"check": "no errors in the console"}), flush=True)

        # The presenter quits: the page says so.
        presenter.keys("q")
        wait("the presenter's goodbye on the page", lambda: "ended the session" in bar(d) or print(json.dumps({"bar": bar(d)})), within=5)
    finally:
        d.quit()

def hostile(port, presenter, out):
    d = browser()
    try:
        d.get(f"http://127.0.0.1:{port}/")
        wait("an open room needs no code", lambda: d.find_elements(By.ID, "live-mode") and bar(d).startswith("following"), within=5)
        presenter.keys("b")
        wait("the hostile caption arrives, as text", lambda: "<img" in bar(d) and bar(d))
        presenter.keys("Enter")
        before = d.execute_script("return document.querySelector('.scenario strong').textContent")
        presenter.keys("w")
        presenter.keys("1")
        wait("the hostile option's scenario arrives", lambda: d.execute_script("return document.querySelector('.scenario strong').textContent") != before)
        state = d.execute_script("""return { pwned: window.pwned || null, images: document.images.length,
          scripts: document.scripts.length, title: document.title }""")
        d.save_screenshot(os.path.join(out, "hostile-375x812.png"))
        if state["pwned"] or state["images"] or state["scripts"] != 1:
            fail("hostile briefing text stays inert", state)
        print(json.dumps({"check": "hostile briefing text stays inert", "saw": state}), flush=True)
    finally:
        d.quit()

if __name__ == "__main__":
    kind = sys.argv[1]
    if kind == "follow":
        port, code, socket, target, out = sys.argv[2:7]
        follow(int(port), code, Presenter(socket, target), out)
    elif kind == "hostile":
        port, socket, target, out = sys.argv[2:6]
        hostile(int(port), Presenter(socket, target), out)
