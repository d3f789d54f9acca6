"""Page language: ?lang= (remembered in a cookie) > cookie > Accept-Language > Chinese."""

from __future__ import annotations

from flask import Request

LANGS = ("zh", "en")
COOKIE = "dg_lang"

STRINGS: dict[str, tuple[str, str]] = {
    "site": ("法定职责知识图谱", "DutyGraph"),
    "tagline": ("中国法规中的法定职责：谁必须、不得、可以或被鼓励做什么，每一条都对应法规原文。",
                "Legal duties in Chinese regulations: who must, must not, may or is encouraged "
                "to do what, each tied to the exact text of the law."),
    "about": ("本系统读取已公布的法规，逐句标注义务性、禁止性、授权性和倡导性规范，"
              "记录其义务主体、需要建立的机制和涉及的载体，"
              "并以知识图谱形式提供浏览、检索和 SPARQL 查询。",
              "DutyGraph reads regulations as published, marks every obligation, prohibition, "
              "permission and encouragement with its addressee, the mechanisms to be built and "
              "the carriers involved, and offers them for browsing, search and SPARQL."),
    "skip": ("跳到正文", "Skip to content"),
    "nav": ("主导航", "Main navigation"),
    "home": ("首页", "Home"),
    "reader": ("法规原文", "Read the regulation"),
    "actors": ("主体", "Actors"),
    "actor": ("主体", "Actor"),
    "mechanisms": ("机制", "Mechanisms"),
    "mechanism": ("机制", "Mechanism"),
    "carriers": ("载体", "Carriers"),
    "carrier": ("载体", "Carrier"),
    "chapters": ("章", "Chapters"),
    "chapter": ("章", "Chapter"),
    "article": ("条", "Article"),
    "norms": ("规范列表", "Norms"),
    "norm": ("规范", "Norm"),
    "search": ("检索", "Search"),
    "search_label": ("检索条文和名称", "Search articles and names"),
    "search_button": ("检索", "Search"),
    "site_search": ("站内快速检索", "Quick search"),
    "editor": ("SPARQL 查询", "SPARQL editor"),
    "network": ("关系图", "Network"),
    "language": ("语言", "Language"),
    "switch": ("English", "中文"),
    "formats": ("其他格式", "Other formats"),
    "counts": ("统计", "Counts"),
    "chapter_n": ("章", "chapters"),
    "article_n": ("条", "articles"),
    "paragraph_n": ("款", "paragraphs"),
    "norm_n": ("条规范", "norms"),
    "in_force": ("施行日期", "In force from"),
    "adopted": ("通过日期", "Adopted"),
    "legend": ("图例", "Legend"),
    "provision": ("其他规定", "Other provision"),
    "applies": ("适用于本主体的规范", "What applies to this actor"),
    "applies_none": ("尚无适用于本主体的规范。", "No norm applies to this actor yet."),
    "applies_to": ("适用于", "Applies to"),
    "via": ("经由", "via"),
    "direct": ("直接", "directly"),
    "broader": ("上位主体", "Broader"),
    "narrower": ("下位主体", "Narrower"),
    "broader_c": ("上位载体", "Broader"),
    "narrower_c": ("下位载体", "Narrower"),
    "addressee": ("义务主体", "Addressee"),
    "promoter": ("推动主体", "Promoter"),
    "establishes": ("建立机制", "Establishes"),
    "concerns": ("涉及", "Concerns"),
    "cue": ("提示词", "Cue"),
    "action": ("内容", "Action"),
    "quote": ("原文", "Text"),
    "source": ("出处", "Source"),
    "to_source": ("查看原文段落", "Go to the source paragraph"),
    "kind": ("类型", "Kind"),
    "norms_of_term": ("相关规范", "Norms concerning it"),
    "none": ("无", "none"),
    "all": ("全部", "All"),
    "modality": ("规范类型", "Modality"),
    "review": ("审核状态", "Review status"),
    "review_Draft": ("机器草稿·待审核", "machine-made draft, not reviewed"),
    "review_Confirmed": ("已审核·确认", "reviewed: confirmed"),
    "review_Corrected": ("已审核·更正", "reviewed: corrected"),
    "review_Added": ("已审核·新增", "reviewed: added"),
    "review_reviewed": ("已审核", "reviewed"),
    "review_hand": ("人工整理", "curated by hand"),
    "reviewed_n": ("条已审核", "reviewed"),
    "draft_n": ("条机器草稿待审核", "machine-made drafts not reviewed"),
    "keyword": ("关键词", "Keyword"),
    "filter": ("筛选", "Filter"),
    "export": ("导出", "Export"),
    "prev": ("上一页", "Previous"),
    "next": ("下一页", "Next"),
    "page_of": ("页", "page"),
    "results": ("条结果", "results"),
    "no_results": ("没有找到结果。", "Nothing found."),
    "labels_found": ("名称", "Names"),
    "texts_found": ("条文", "Articles"),
    "named_queries": ("预置查询", "Named queries"),
    "editor_help": ("在下方编辑并运行 SPARQL 查询；每个标签页是一个预置查询。"
                    "“分享”按钮生成查询的永久链接。",
                    "Edit and run SPARQL below; each tab holds a named query. "
                    "The share button makes a permalink for the query."),
    "needs_js": ("此页面需要 JavaScript。", "This page needs JavaScript."),
    "network_help": ("点击节点打开其页面。滚轮缩放，拖动平移。",
                     "Click a node to open its page. Scroll to zoom, drag to pan."),
    "network_whole": ("全部法规的关系图", "Network of every regulation"),
    "network_links": ("主体与其须建立的机制、所涉载体之间的联系，按规范数加权："
                      "显示最强的 {shown} 条，共 {links} 条。",
                      "Actors linked to the mechanisms they must set up and the carriers their "
                      "norms concern, weighted by those norms: the {shown} strongest of "
                      "{links} links."),
    "network_first": ("显示按条文顺序的前 {shown} 条规范，共 {count} 条。",
                      "The first {shown} of {count} norms, in reading order."),
    "network_actor": ("本主体的关系图", "Network of this actor"),
    "nodes": ("节点列表", "Nodes"),
    "not_found": ("未找到", "Not found"),
    "entry": ("浏览入口", "Start here"),
    "law_text_note": ("法规原文仅有中文。", "The law is published in Chinese only."),
    "if_breached": ("违反的后果", "If breached"),
    "no_sanction": ("本法规未规定罚则", "no sanction in this regulation"),
    "no_sanction_long": ("本法规没有任何法律责任条款引用这一规范：违反它，本法规本身未规定后果。",
                         "No liability provision of this regulation cites this norm: the "
                         "regulation itself states no consequence of breaching it."),
    "penalties": ("处罚", "Penalties"),
    "amounts": ("数额", "Amount"),
    "condition": ("适用情形", "Condition"),
    "enforced_by": ("处罚机关", "Enforced by"),
    "liable": ("责任主体", "Liable"),
    "enforces": ("所罚规范", "Enforces"),
    "enforces_none": ("本条款未引用本法规的具体规范。",
                      "The clause cites no norm of this regulation."),
    "enforced_here": ("本主体实施的处罚", "Sanctions this actor imposes"),
    "first_shown": ("仅列出前 %d 条。", "The first %d are shown."),
    "unsanctioned": ("未设罚则的义务", "Duties without a sanction"),
    "unsanctioned_of": ("条义务性和禁止性规范中，没有法律责任条款的有",
                        "obligations and prohibitions; without any liability provision:"),
    "mark_obligation": ("应", "must"),
    "mark_prohibition": ("禁", "must not"),
    "mark_permission": ("可", "may"),
    "mark_encouragement": ("倡", "encouraged"),
    "mark_provision": ("§", "§"),
}


def pick(request: Request) -> tuple[str, bool]:
    """The language for this request, and whether it came from ?lang= (set a cookie)."""
    asked = request.args.get("lang", "")
    if asked in LANGS:
        return asked, True
    cookie = request.cookies.get(COOKIE, "")
    if cookie in LANGS:
        return cookie, False
    best = request.accept_languages.best_match(["zh", "zh-CN", "zh-Hans", "en"], default="zh")
    return ("en" if best and best.startswith("en") else "zh"), False


def translate(key: str, lang: str) -> str:
    zh, en = STRINGS.get(key, (key, key))
    return en if lang == "en" else zh
