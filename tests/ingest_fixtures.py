"""Small article fixtures shared by the ingestion tests (made here, no network, no shared data)."""

from __future__ import annotations

BODY = (
    "Russian and Belarusian forces began ten days of joint military drills near the Ukrainian border, "
    "officials in Minsk said, as western governments warned of a possible invasion.",
    "The exercises involve thousands of troops, fighter jets and air-defence batteries, according to "
    "the defence ministry, which published a video of tanks moving through snow-covered fields.",
    "Diplomats in Brussels said talks would continue next week, while the United Kingdom placed a "
    "thousand soldiers on standby to help with any humanitarian crisis in the region.",
)


def page(head: str = "", first: str = "", title: str = "Drills begin near the border") -> str:
    """A saved news page: ``head`` goes into <head>, ``first`` is the first line of the article body."""
    paragraphs = ([first] if first else []) + list(BODY)
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
        f"<body><nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{body}</article>"
        "<footer>Copyright Example News</footer></body></html>"
    )


def text_article(extra: str = "") -> str:
    return "\n".join(BODY) + ("\n" + extra if extra else "")


RSS = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Example Wire</title><link>https://example.com/</link>
<description>News</description>
<item><title>Drills begin</title><link>https://example.com/a</link>
<pubDate>Thu, 10 Feb 2022 08:30:00 GMT</pubDate>
<description>&lt;p&gt;Russian and Belarusian forces began joint drills on Thursday.&lt;/p&gt;
&lt;p&gt;Talks go on.&lt;/p&gt;</description>
</item>
<item><title>Talks in Brussels</title><link>https://example.com/b</link>
<pubDate>Wed, 09 Feb 2022 17:00:00 +0000</pubDate>
<description>Diplomats met in Brussels on Wednesday to discuss the crisis.</description>
</item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Example Atom</title><id>urn:x</id>
<updated>2022-02-11T00:00:00Z</updated>
<entry><title>Troops on standby</title><id>urn:1</id><link href="https://example.com/c"/>
<published>2022-02-08T10:00:00Z</published><updated>2022-02-11T10:00:00Z</updated>
<author><name>A. Writer</name></author>
<content type="html">&lt;p&gt;The United Kingdom placed a thousand troops on standby on Tuesday.&lt;/p&gt;</content>
</entry></feed>
"""
