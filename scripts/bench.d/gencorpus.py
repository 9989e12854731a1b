#!/usr/bin/env python3
"""Deterministic synthetic corpus for scripts/bench.

Writes, from a seed, the same bilingual publication twice:
  OUT/duet/content/   in the form of the sample publication (content/): site.yml, posts/<lang>/,
                      pages/<lang>/, issues/YYYY-qN.yml, authors/<id>.yml
  OUT/hugo/           the equivalent Hugo site: hugo.toml, content/<lang>/..., layouts/, i18n/, static/
  OUT/hugo-plain/     a plain Hugo site over the same articles: articles, a home page and an archive per
                      language, author pages; no issues (the second Hugo profile)

All text comes from the word lists below (no real prose). The same seed always gives the same bytes
(Python's random.Random is stable for a given seed across CPython 3.x for the calls used here).

Usage: gencorpus.py --articles N --seed S --out DIR --theme THEME_DIR
"""
import argparse
import json
import math
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

# ---------------------------------------------------------------------------------------------
# Word lists (written for this generator).

EN_WORDS = """
agreement analysis approach archive arrangement assessment balance barrier bargain bridge budget
capacity caution channel charter climate coalition commitment committee community compromise
concern conference confidence consensus constraint consultation contact context corridor council
credibility crisis culture current data deadline debate decade delegation demand design detail
deterrence dialogue difference diplomacy discipline discussion dispute distance document draft
economy effort election embassy emphasis encounter energy engagement envoy equipment estimate
exchange expectation experience expert export facility factor finding fishery forum framework
frontier function future gap generation goal governance grain ground guarantee guidance harbour
harvest hearing history horizon hotline incentive incident industry influence initiative
institute interest interpreter investment island issue judgement labour language lesson letter
level licence link market measure mechanism meeting memory method minister mission model moment
network norm notice observer occasion office official opinion option order outcome panel partner
patience pattern period permit perspective pilot plan platform policy port position practice
pressure principle priority procedure process programme project proposal protocol province
question ratio reader reform region registry regulation relationship report research reserve
resource response review risk route rule safety scholar scope season sector security seminar
signal silence standard statement strategy student subject summit supply surplus system table
target tariff technology tension term test text theme threshold tool trade tradition training
transit treaty trust university value vessel view visit voice water weather workshop year
accept adapt address adopt agree allow answer argue arrange avoid begin build carry change choose
claim collect compare consider continue cover decide defend deliver describe develop discuss draw
encourage establish expect explain follow gather govern handle hold improve include invite keep
lead learn limit listen maintain manage measure meet monitor move negotiate notice observe offer
open organise prepare present produce propose protect publish raise reach read recognise record
reduce reflect remain repair replace report require resolve respond restore return review revise
share settle shape signal slow solve sustain test trace track translate travel treat widen write
active ambitious annual balanced bilateral brief broad careful central civil clear coastal common
concrete constant cautious critical current direct distant domestic durable early eastern equal
familiar formal fragile frank gradual honest informal joint lasting local long maritime modest
mutual narrow national neutral official open ordinary patient practical precise private public
quiet rapid rare regional reliable remote rural scientific seasonal serious shared short slow
small specific stable steady strategic technical thoughtful uneven urgent useful visible western
""".split()

EN_SMALL = ["the", "a", "of", "to", "and", "in", "for", "with", "on", "that", "as", "by", "from",
            "between", "over", "without", "about", "its", "their", "each", "both", "more", "less"]

ZH_WORDS = """
对话 合作 交流 机制 政策 会议 学者 代表 渠道 规则 框架 共识 分歧 建议 研究 报告 讨论 问题
经验 风险 安全 贸易 气候 农业 公共 卫生 海洋 渔业 技术 标准 信任 互信 沟通 协调 管理 试点
地区 地方 城市 港口 高校 学生 青年 专家 官员 机构 伙伴 项目 计划 方案 文本 草案 条款 原则
程序 实践 观察 评估 数据 指标 资源 市场 投资 供应 需求 能源 水资源 粮食 边界 航道 船只 海警
军方 外交 历史 记忆 文化 语言 翻译 编辑 读者 作者 期刊 季度 议程 圆桌 工作组 小组 论坛 峰会
热线 危机 事故 预警 应对 恢复 调整 改革 发展 稳定 长期 短期 具体 务实 谨慎 坦诚 平衡 对等
共同 双边 多边 非官方 民间 基层 县级 省级 国家 全球 区域 邻国 社会 社区 家庭 农户 企业 工厂
教育 科研 实验室 大学 研究所 访问 考察 调研 访谈 记录 档案 文件 表述 立场 利益 目标 成本 收益
推进 建立 维护 加强 扩大 减少 避免 讨论 提出 认为 指出 强调 承认 尊重 理解 解释 回应 落实
""".split()

ZH_GLUE = ["的", "在", "和", "与", "对", "把", "从", "向", "为", "也", "都", "还", "并", "而", "却",
           "已经", "仍然", "可以", "需要", "应当", "能够", "正在", "逐步", "更加", "比较", "一些", "这些"]

TITLE_EN = """
Quiet Channels Small Rooms Open Lines Shared Waters Long Season Patient Work Common Ground
Narrow Straits Distant Harbours Slow Return Careful Bargains Practical Steps Lasting Links
Uneven Bridges Steady Hands Joint Ledgers Coastal Patrols Field Notes Second Drafts Open Doors
""".split()

TITLE_ZH = ["静水", "小房间", "热线", "共同海域", "长夏", "慢功夫", "共识", "海峡", "远港", "归途",
            "细账", "实招", "长桥", "稳手", "田野札记", "二稿", "开门", "潮汐", "对岸", "回声"]

EN_FIRST = [("Avery", "艾弗里"), ("Jonah", "乔纳"), ("Miriam", "米丽娅姆"), ("Owen", "欧文"),
            ("Harriet", "哈丽雅特"), ("Felix", "费利克斯"), ("Nadia", "纳迪娅"), ("Simon", "西蒙"),
            ("Ingrid", "英格丽德"), ("Martin", "马丁"), ("Rosalind", "罗莎琳德"), ("Declan", "德克兰"),
            ("Vera", "薇拉"), ("Gideon", "吉迪恩"), ("Priya", "普丽娅")]
EN_LAST = [("Ashdown", "阿什当"), ("Bellamy", "贝拉米"), ("Carrow", "卡罗"), ("Delacourt", "德拉库尔"),
           ("Eastwick", "伊斯特威克"), ("Farrant", "法兰特"), ("Galloway", "加洛韦"), ("Hollis", "霍利斯"),
           ("Kestrel", "凯斯特尔"), ("Lockhart", "洛克哈特"), ("Merriweather", "梅里韦瑟"),
           ("Northcote", "诺斯科特")]
ZH_FAMILY = [("Zhang", "张"), ("Wang", "王"), ("Li", "李"), ("Zhao", "赵"), ("Chen", "陈"), ("Liu", "刘"),
             ("Yang", "杨"), ("Huang", "黄"), ("Zhou", "周"), ("Wu", "吴"), ("Sun", "孙"), ("Ma", "马"),
             ("Zhu", "朱"), ("Hu", "胡"), ("Guo", "郭"), ("Gao", "高"), ("Luo", "罗"), ("Song", "宋")]
ZH_GIVEN = [("yi", "逸"), ("wen", "文"), ("ming", "明"), ("hao", "浩"), ("ruo", "若"), ("xi", "溪"),
            ("yun", "云"), ("fan", "帆"), ("lan", "岚"), ("jing", "静"), ("hui", "慧"), ("ning", "宁"),
            ("zhi", "志"), ("qing", "清"), ("shu", "书"), ("yu", "雨"), ("chen", "晨"), ("jia", "嘉"),
            ("rui", "睿"), ("tao", "涛")]
INSTITUTES = [("Harbour Institute for Maritime Policy", "港湾海洋政策研究所"),
              ("Centre for Cross-Pacific Studies", "跨太平洋研究中心"),
              ("Riverside University", "河滨大学"), ("Institute of Agrarian Economics", "农业经济研究所"),
              ("Lakeshore Forum on Public Health", "湖岸公共卫生论坛"),
              ("Northgate School of Law", "北门法学院"), ("Meridian Foundation", "子午基金会"),
              ("Academy of Coastal Sciences", "海岸科学院"), ("Westfield College", "西田学院"),
              ("Council on Energy Transitions", "能源转型委员会")]
ROLES = [("Senior Fellow", "高级研究员"), ("Associate Professor", "副教授"), ("Professor", "教授"),
         ("Research Fellow", "研究员"), ("Programme Director", "项目主任"), ("Visiting Scholar", "访问学者")]
SECTIONS = ["Essays", "Dialogue Reports", "Reviews"]
SECTION_WEIGHTS = [5, 3, 2]

PAIRS_PER_QUARTER = 25          # translation pairs (articles per language) per quarterly issue
LAST_QUARTER = (2026, 2)        # the corpus ends here, in the past, so nothing is "future"


# ---------------------------------------------------------------------------------------------
# Text makers.

def en_sentence(rng, lo=8, hi=20):
    n = rng.randint(lo, hi)
    words = []
    for i in range(n):
        if i and rng.random() < 0.35:
            words.append(rng.choice(EN_SMALL))
        else:
            words.append(rng.choice(EN_WORDS))
    r = rng.random()
    if r < 0.08:
        k = rng.randrange(len(words))
        words[k] = "*" + words[k] + "*"
    elif r < 0.12:
        k = rng.randrange(len(words))
        words[k] = "**" + words[k] + "**"
    elif r < 0.16 and n > 4:
        k = rng.randrange(n - 2)
        words[k] = '"' + words[k]
        words[k + 1] = words[k + 1] + '"'
    elif r < 0.19:
        k = rng.randrange(len(words))
        words[k] = "[%s](https://example.org/%s)" % (words[k], words[k])
    elif r < 0.24:
        k = rng.randrange(len(words))
        words[k] = words[k] + "'s"
    if n > 10 and rng.random() < 0.5:
        words[n // 2] += ","
    s = " ".join(words)
    return s[0].upper() + s[1:] + "."


def en_paragraph(rng, words_target):
    out, count = [], 0
    while count < words_target:
        s = en_sentence(rng)
        out.append(s)
        count += s.count(" ") + 1
    return " ".join(out), count


def zh_sentence(rng, lo=6, hi=14):
    n = rng.randint(lo, hi)
    parts = []
    for i in range(n):
        parts.append(rng.choice(ZH_WORDS))
        if rng.random() < 0.4:
            parts.append(rng.choice(ZH_GLUE))
        if i == n // 2 and rng.random() < 0.7:
            parts.append("，")
    s = "".join(parts)
    r = rng.random()
    if r < 0.1:
        s = "“" + s[:6] + "”" + s[6:]
    elif r < 0.14:
        s = "**" + s[:4] + "**" + s[4:]
    return s + "。"


def zh_paragraph(rng, chars_target):
    out, count = [], 0
    while count < chars_target:
        s = zh_sentence(rng)
        out.append(s)
        count += len(s)
    return "".join(out), count


def en_title_words(rng, lo, hi):
    return " ".join(w.capitalize() for w in (rng.choice(EN_WORDS) for _ in range(rng.randint(lo, hi))))


def yaml_block(text, indent="    "):
    return "".join(indent + line + "\n" for line in text.split("\n"))


# ---------------------------------------------------------------------------------------------
# Model.

def make_authors(rng, count=150):
    authors, seen_keys, seen_zh = [], set(), set()
    western = [(f, l) for f in EN_FIRST for l in EN_LAST]
    chinese = [(fam, g1, g2) for fam in ZH_FAMILY for g1 in ZH_GIVEN for g2 in ZH_GIVEN if g1 != g2]
    rng.shuffle(western)
    rng.shuffle(chinese)
    wi = ci = 0
    while len(authors) < count:
        if len(authors) % 2 == 0:
            (fe, fz), (le, lz) = western[wi]; wi += 1
            en, zh, fam_en, fam_zh = "%s %s" % (fe, le), "%s·%s" % (fz, lz), le, lz
        else:
            (fe, fz), (g1e, g1z), (g2e, g2z) = chinese[ci]; ci += 1
            en, zh, fam_en, fam_zh = "%s %s" % (fe, (g1e + g2e).capitalize()), fz + g1z + g2z, fe, fz
        key = en.lower().replace(" ", "")
        if key in seen_keys or zh in seen_zh:
            continue
        seen_keys.add(key); seen_zh.add(zh)
        inst = rng.choice(INSTITUTES)
        role = rng.choice(ROLES)
        aid = en.lower().replace(" ", "-")
        authors.append(dict(id=aid, en=en, zh=zh, fam_en=fam_en, fam_zh=fam_zh,
                            aff_en="%s, %s" % (role[0], inst[0]), aff_zh=inst[1] + role[1],
                            bio_en="%s is %s %s at the %s. %s" % (
                                en, "an" if role[0][0] in "AEIOU" else "a", role[0].lower(), inst[0],
                                en_paragraph(rng, 30)[0]),
                            bio_zh="%s现任%s%s。%s" % (zh, inst[1], role[1], zh_paragraph(rng, 50)[0])))
    return authors


def quarter_add(yq, delta):
    y, q = yq
    idx = y * 4 + (q - 1) + delta
    return idx // 4, idx % 4 + 1


def days_in_quarter(y, q):
    import datetime
    start = datetime.date(y, 3 * q - 2, 1)
    ny, nq = quarter_add((y, q), 1)
    end = datetime.date(ny, 3 * nq - 2, 1)
    return [start + datetime.timedelta(days=i) for i in range((end - start).days)]


def byline_en(names):
    if len(names) == 1:
        return names[0]
    return ", ".join(names[:-1]) + " and " + names[-1]


def byline_zh(names):
    if len(names) == 1:
        return names[0]
    return "、".join(names[:-1]) + "和" + names[-1]


def make_articles(rng, pairs, authors):
    quarters = max(1, math.ceil(pairs / PAIRS_PER_QUARTER))
    first = quarter_add(LAST_QUARTER, -(quarters - 1))
    articles, slugs = [], set()
    for i in range(pairs):
        yq = quarter_add(first, i * quarters // pairs)
        day = rng.choice(days_in_quarter(*yq))
        hour, minute = rng.randint(8, 18), rng.choice([0, 15, 30, 45])
        words = [rng.choice(EN_WORDS) for _ in range(rng.randint(3, 6))]
        title_en = " ".join(w.capitalize() if j == 0 or len(w) > 3 else w for j, w in enumerate(words))
        slug = "-".join(words)
        base, k = slug, 2
        while slug in slugs:
            slug = "%s-%d" % (base, k); k += 1
        slugs.add(slug)
        n_auth = rng.choices([1, 2, 3], weights=[50, 35, 15])[0]
        team = rng.sample(authors, n_auth)
        articles.append(dict(
            quarter=yq, issue="%d-q%d" % yq, date=day, hour=hour, minute=minute, slug=slug,
            file="%s-%s.md" % (day.isoformat(), slug),
            title_en=title_en, title_zh="".join(rng.choice(ZH_WORDS) for _ in range(rng.randint(3, 5))),
            sub_en=en_title_words(rng, 4, 8), sub_zh="".join(rng.choice(ZH_WORDS) for _ in range(rng.randint(5, 8))),
            authors=team, section=rng.choices(SECTIONS, weights=SECTION_WEIGHTS)[0]))
    articles.sort(key=lambda a: (a["date"], a["hour"], a["minute"], a["slug"]))
    return articles, first, quarters


def body_en(rng, art):
    """Lead, excerpt marker, then ~1,500 words with ### headings, lists, a GFM table, a footnote."""
    p = lambda: en_paragraph(rng, rng.randint(105, 135))[0]
    lead = "_" + " ".join(en_sentence(rng) for _ in range(2)) + "_"
    parts = [lead, "<excerpt/>", p(), p()]
    parts.append("### " + en_title_words(rng, 2, 4))
    parts.append("#### " + en_title_words(rng, 2, 3))
    parts.append(p())
    fn = p()
    cut = fn.find(". ", len(fn) // 2)
    cut = cut if cut > 0 else len(fn) - 1
    parts.append(fn[:cut + 1] + "[^1]" + fn[cut + 1:])
    parts.append("\n".join("- " + en_sentence(rng, 6, 14) for _ in range(4)))
    parts.append(p())
    parts.append("### " + en_title_words(rng, 2, 4))
    parts.append(p())
    head = [en_title_words(rng, 1, 2) for _ in range(4)]
    rows = ["| " + " | ".join(head) + " |", "|---|---|---:|---:|"]
    for _ in range(5):
        rows.append("| %s | %s | %d | %d.%d %% |" % (rng.choice(EN_WORDS).capitalize(), rng.choice(EN_WORDS),
                                                   rng.randint(1, 999), rng.randint(0, 99), rng.randint(0, 9)))
    parts.append("\n".join(rows))
    parts.append(p())
    parts.append("\n".join("%d. %s" % (k + 1, en_sentence(rng, 6, 14)) for k in range(3)))
    parts.append("### " + en_title_words(rng, 2, 4))
    parts += [p(), p(), p()]
    parts.append("---")
    for a in art["authors"]:
        parts.append("__%s__ is %s" % (a["en"], a["bio_en"].split(" is ", 1)[1].split(". ")[0] + "."))
    parts.append("[^1]: " + en_sentence(rng, 8, 16) + " " + en_sentence(rng, 8, 16))
    return "\n\n".join(parts) + "\n"


def body_zh(rng, art):
    """Lead, excerpt marker, then ~2,500 characters, same structure as the English version."""
    p = lambda: zh_paragraph(rng, rng.randint(170, 210))[0]
    lead = "_" + zh_sentence(rng) + zh_sentence(rng) + "_"
    parts = [lead, "<excerpt/>", p(), p()]
    parts.append("### " + "".join(rng.choice(ZH_WORDS) for _ in range(rng.randint(2, 3))))
    parts.append("#### " + "".join(rng.choice(ZH_WORDS) for _ in range(2)))
    parts.append(p())
    fn = p()
    parts.append(fn[:len(fn) // 2] + "[^1]" + fn[len(fn) // 2:])
    parts.append("\n".join("- " + zh_sentence(rng, 4, 8) for _ in range(4)))
    parts.append(p())
    parts.append("### " + "".join(rng.choice(ZH_WORDS) for _ in range(rng.randint(2, 3))))
    parts.append(p())
    head = ["".join(rng.choice(ZH_WORDS) for _ in range(2)) for _ in range(4)]
    rows = ["| " + " | ".join(head) + " |", "|---|---|---:|---:|"]
    for _ in range(5):
        rows.append("| %s | %s | %d | %d.%d %% |" % (rng.choice(ZH_WORDS), rng.choice(ZH_WORDS),
                                                   rng.randint(1, 999), rng.randint(0, 99), rng.randint(0, 9)))
    parts.append("\n".join(rows))
    parts.append(p())
    parts.append("\n".join("%d. %s" % (k + 1, zh_sentence(rng, 4, 8)) for k in range(3)))
    parts.append("### " + "".join(rng.choice(ZH_WORDS) for _ in range(rng.randint(2, 3))))
    parts += [p(), p(), p()]
    parts.append("---")
    for a in art["authors"]:
        parts.append("__%s__ %s" % (a["zh"], a["bio_zh"][len(a["zh"]):].split("。")[0] + "。"))
    parts.append("[^1]: " + zh_sentence(rng) + zh_sentence(rng))
    return "\n\n".join(parts) + "\n"


# ---------------------------------------------------------------------------------------------
# Writers.

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def duet_front_matter(art, lang):
    names = [a[lang] for a in art["authors"]]
    title = art["title_" + lang]
    desc = ("%s: %s" % (title, art["sub_en"])) if lang == "en" else ("%s：%s" % (title, art["sub_zh"]))
    return ("---\nlayout: post\ntitle : %s\nauthor: %s\nsection: %s\ndate  : %s %02d:%02d:00 +0800\n"
            "#image_caption: \"\"\ndescription: \"%s\"\nexcerpt_separator: <excerpt/>\n---\n\n") % (
        title, byline_en(names) if lang == "en" else byline_zh(names), art["section"],
        art["date"].isoformat(), art["hour"], art["minute"], desc)


def hugo_plain_front_matter(art, lang):
    title = art["title_" + lang]
    desc = ("%s: %s" % (title, art["sub_en"])) if lang == "en" else ("%s：%s" % (title, art["sub_zh"]))
    return ("---\ntitle: %s\ndate: %sT%02d:%02d:00+08:00\nauthors: [%s]\ndescription: \"%s\"\n---\n\n") % (
        json.dumps(title, ensure_ascii=False), art["date"].isoformat(), art["hour"], art["minute"],
        ", ".join(a["id"] for a in art["authors"]), desc)


def hugo_front_matter(art, lang):
    title = art["title_" + lang]
    desc = ("%s: %s" % (title, art["sub_en"])) if lang == "en" else ("%s：%s" % (title, art["sub_zh"]))
    return ("---\ntitle: %s\ndate: %sT%02d:%02d:00+08:00\nauthors: [%s]\nissues: [%s]\nquarter: %s\n"
            "section_name: %s\ndescription: \"%s\"\nurl: /%s/issues/%s/%s/\n---\n\n") % (
        json.dumps(title, ensure_ascii=False), art["date"].isoformat(), art["hour"], art["minute"],
        ", ".join(a["id"] for a in art["authors"]), art["issue"], art["issue"], art["section"], desc,
        lang, art["issue"], art["slug"])


SITE_YML = """# Synthetic benchmark publication (scripts/bench), modelled on content/site.yml.
title:
  en: Duet
  zh: 双声
description:
  en: A joint quarterly review of US–China relations and Track II dialogue, in English and Chinese.
  zh: 中美关系与二轨对话联合季刊，中英文双语出版。
base_url: https://duet-review.example.org
languages:
  - code: en
    tag: en
    name: English
    locale: en_US
  - code: zh
    tag: zh-Hans
    name: 中文
    locale: zh_CN
default_language: en
permalink: /:lang/issues/:issue/:slug/
page_permalink: /:lang/:slug/
excerpt_separator: "\\n\\n"
timezone: Asia/Shanghai
first_year: %d
sections: [Essays, Dialogue Reports, Reviews]
"""


def replace_in(path, old, new):
    """Replaces `old`, which must occur, in the file at `path`."""
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if old not in text:
        sys.exit("gencorpus: %s no longer contains the text to replace" % path)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))


def write_hugo_site(site, template, corpus, front_matter, own_pages):
    """One Hugo site over the corpus: the journal site's layouts with those of scripts/bench.d/TEMPLATE
    over them, hugo.toml from TEMPLATE, the
    shared i18n and the Duet theme's static files, home and about pages, author pages and the
    articles (front matter from `front_matter(article, lang)`); `own_pages(root, lang)` writes
    what only this site has."""
    tpl = os.path.join(HERE, template)
    shutil.copytree(os.path.join(HERE, "hugo", "layouts"), os.path.join(site, "layouts"))
    shutil.copytree(os.path.join(tpl, "layouts"), os.path.join(site, "layouts"), dirs_exist_ok=True)
    shutil.copytree(os.path.join(HERE, "hugo", "i18n"), os.path.join(site, "i18n"))
    shutil.copy(os.path.join(tpl, "hugo.toml"), os.path.join(site, "hugo.toml"))
    shutil.copytree(os.path.join(corpus["theme"], "static"), os.path.join(site, "static"))
    for lang in ("en", "zh"):
        root = os.path.join(site, "content", lang)
        write(os.path.join(root, "_index.md"), "---\ntitle: %s\n---\n" % ("Duet" if lang == "en" else "双声"))
        write(os.path.join(root, "about.md"), corpus["pages"][lang].replace("---\n\n", "url: /%s/about/\n---\n\n" % lang, 1))
        write(os.path.join(root, "authors", "_index.md"), "---\ntitle: %s\n---\n" % ("Authors" if lang == "en" else "作者"))
        for a in corpus["authors"]:
            write(os.path.join(root, "authors", a["id"], "_index.md"),
                  "---\ntitle: %s\nfamily_name: %s\naffiliation: \"%s\"\n---\n\n%s\n" % (
                      a[lang], a["fam_" + lang], a["aff_" + lang], a["bio_" + lang]))
        own_pages(root, lang)
        for art, (en, zh) in zip(corpus["articles"], corpus["bodies"]):
            body = (en if lang == "en" else zh).replace("<excerpt/>", "<!--more-->", 1)
            write(os.path.join(root, "posts", art["file"]), front_matter(art, lang) + body)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--articles", type=int, required=True)
    ap.add_argument("--seed", type=int, required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--theme", required=True, help="Duet theme folder (its CSS is reused by the Hugo site)")
    args = ap.parse_args()
    if args.articles < 2 or args.articles % 2:
        sys.exit("gencorpus: --articles must be an even number >= 2")

    rng = random.Random(args.seed)
    authors = make_authors(rng)
    pairs = args.articles // 2
    articles, first_q, quarters = make_articles(rng, pairs, authors)
    used = sorted({a["issue"] for a in articles})

    duet = os.path.join(args.out, "duet", "content")
    hugo = os.path.join(args.out, "hugo")
    plain = os.path.join(args.out, "hugo-plain")
    for d in (os.path.join(args.out, "duet"), hugo, plain):
        shutil.rmtree(d, ignore_errors=True)

    # --- Duet ------------------------------------------------------------------------------------
    write(os.path.join(duet, "site.yml"), SITE_YML % first_q[0])
    for a in authors:
        write(os.path.join(duet, "authors", a["id"] + ".yml"),
              "name:\n  en: %s\n  zh: %s\nfamily_name:\n  en: %s\n  zh: %s\naffiliation:\n  en: %s\n  zh: %s\n"
              "bio:\n  en: |\n%s  zh: |\n%s" % (a["en"], a["zh"], a["fam_en"], a["fam_zh"], a["aff_en"],
                                             a["aff_zh"], yaml_block(a["bio_en"]), yaml_block(a["bio_zh"])))
    issue_meta = {}
    for iid in used:
        y, q = int(iid[:4]), int(iid[-1])
        t_en, t_zh = en_title_words(rng, 1, 3), "".join(rng.choice(ZH_WORDS) for _ in range(2))
        note_en = en_paragraph(rng, 90)[0] + "\n\n" + en_paragraph(rng, 60)[0]
        note_zh = zh_paragraph(rng, 150)[0] + "\n\n" + zh_paragraph(rng, 100)[0]
        last = days_in_quarter(y, q)[-1]
        issue_meta[iid] = dict(t_en=t_en, t_zh=t_zh, note_en=note_en, note_zh=note_zh,
                               volume=y - first_q[0] + 1, number=q, published=last.isoformat())
        write(os.path.join(duet, "issues", iid + ".yml"),
              "volume: %d\nnumber: %d\ntitle:\n  en: %s\n  zh: %s\npublished: %s\nnote:\n  en: |\n%s  zh: |\n%s" % (
                  y - first_q[0] + 1, q, t_en, t_zh, last.isoformat(), yaml_block(note_en), yaml_block(note_zh)))
    pages = {}
    for lang in ("en", "zh"):
        if lang == "en":
            about = ("---\ntitle: About Duet\ndescription: \"About Duet: a synthetic benchmark publication\"\n---\n\n"
                     + "\n\n".join(en_paragraph(rng, 120)[0] for _ in range(3)) + "\n")
        else:
            about = ("---\ntitle: 关于《双声》\ndescription: \"关于《双声》：基准测试用的合成刊物\"\n---\n\n"
                     + "\n\n".join(zh_paragraph(rng, 200)[0] for _ in range(3)) + "\n")
        pages[lang] = about
        write(os.path.join(duet, "pages", lang, "about.md"), about)

    bodies = []
    for art in articles:
        en, zh = body_en(rng, art), body_zh(rng, art)
        bodies.append((en, zh))
        write(os.path.join(duet, "posts", "en", art["file"]), duet_front_matter(art, "en") + en)
        write(os.path.join(duet, "posts", "zh", art["file"]), duet_front_matter(art, "zh") + zh)

    # --- Hugo: the journal-shaped site, with issues ---------------------------------------------
    def issue_pages(root, lang):
        write(os.path.join(root, "issues", "_index.md"),
              "---\ntitle: %s\n---\n" % ("All issues" if lang == "en" else "全部期刊"))
        for iid, m in issue_meta.items():
            label = ("Vol. %d, No. %d" % (m["volume"], m["number"])) if lang == "en" else (
                "第%d卷第%d期" % (m["volume"], m["number"]))
            write(os.path.join(root, "issues", iid, "_index.md"),
                  "---\ntitle: \"%s\"\nlabel: \"%s\"\nquarter: \"%s\"\ndate: %sT00:00:00+08:00\n---\n\n%s\n" % (
                      m["t_" + lang], label, iid.upper(), m["published"], m["note_" + lang]))

    corpus = dict(theme=args.theme, pages=pages, authors=authors, articles=articles, bodies=bodies)
    write_hugo_site(hugo, "hugo", corpus, hugo_front_matter, issue_pages)

    # --- plain Hugo: the same articles, authors and pages, no issues ------------------------------
    def archive_page(root, lang):
        write(os.path.join(root, "posts", "_index.md"), "---\ntitle: %s\n---\n" % ("Archive" if lang == "en" else "文章归档"))

    write_hugo_site(plain, "hugo-plain", corpus, hugo_plain_front_matter, archive_page)
    # Its layouts are the journal site's with its own home, archive and author pages over them,
    # and the page frame and article page without the issues.
    layouts = os.path.join(plain, "layouts", "_default")
    replace_in(os.path.join(layouts, "baseof.html"),
               '<li><a href="{{ "issues/" | relLangURL }}">{{ i18n "issues" }}</a></li>',
               '<li><a href="{{ "posts/" | relLangURL }}">{{ i18n "archive" }}</a></li>')
    replace_in(os.path.join(layouts, "single.html"),
               '{{ range .GetTerms "issues" }}<p class="kicker"><a href="{{ .RelPermalink }}">{{ .Params.label }} · '
               '{{ .Params.quarter }}</a>{{ with $.Params.section_name }} · {{ . }}{{ end }}</p>{{ end }}\n', '')

    words = sum(len(en.split()) for en, _ in bodies) / max(1, len(bodies))
    chars = sum(len(zh) for _, zh in bodies) / max(1, len(bodies))
    print(json.dumps(dict(articles=2 * len(articles), pairs=len(articles), authors=len(authors),
                          issues=len(used), first_issue=used[0], last_issue=used[-1],
                          avg_en_words=round(words), avg_zh_chars=round(chars))))


if __name__ == "__main__":
    main()
