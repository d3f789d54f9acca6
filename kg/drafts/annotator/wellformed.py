"""Is a string a designation (a noun phrase naming a party), or junk glued to one?

Designations are cut from running text, so a bad cut shows as a verb phrase
(公路建设项目应当按照国家有关规定实行法人, 发现人力资源服务机构), a preposition or
adverb left in front (由有关部门, 对进城落户的农村村民, 并由…), or half a word
(普通高学校, where 等 was cut out of 高等学校). The checks:

- words, not characters: the string is cut into dictionary words by jieba (HMM=False:
  the bundled dictionary only, no statistical guesses, so the cut is deterministic and
  nothing is downloaded). jieba is used for three jobs where characters mislead: a
  designation must start and end on a word boundary of its sentence (so 高等学校 is
  never cut), 等 is a list closer only when it is a word of its own, and the words of
  the designation are checked against the grammar below. Its part-of-speech tags are
  too noisy for designations (组织 is tagged a verb, 普惠性幼儿园 a person's name), so
  only the word cut and a few closed word classes (prepositions, modal verbs and
  adverbs) are trusted, not open-class tags.
- no modal, preposition, conjunction or governing verb outside a 的 relative clause: a
  designation is ``[relative clause 的] [nouns] head``; a verb may stand right before
  the head (施工单位, 驾驶人) or inside the relative clause (被督察的人民政府,
  具备急救能力的个人), never with its own object before the head (设立…金融机构);
- offices (人民政府, 部门, 机关 …) must parse with the actor grammar kg.source.offices.
"""

from __future__ import annotations

import re
from functools import cache

from kg.source import offices
from kg.source.slugs import tokenizer


def _set(text: str) -> frozenset[str]:
    return frozenset(text.split())


# closed classes: never inside a designation (outside a relative clause)
FUNCTION_WORDS = _set(
    "凭 因此 给 因 除 由 对 在 向 从 把 将 按照 依照 根据 依法 依据 应当 应 可以 可 不得 "
    "需要 须 必须 并 "
    "会同 以 经 委托 先行 以及 或者 并且 负责 通过 为 给予 及时 予以 按 凡 如 若 如果 "
    "其 其中 该 且 已 未 未经 均 都 也 还 再 即 就 则 不 等 鼓励 支持 引导 提倡 禁止 严禁 "
    "无 前 后 之前 之后 之间 期间")
# verbs that govern an object: a designation never carries them with their object
GOVERNING_VERBS = _set(
    "设立 开办 举办 发现 提交 符合 实行 实施 建立 开展 提供 组织开展 从事 进行 使用 "
    "取得 办理 申请 参加 参与 推动 促进 加强 完善 落实 制定 承担 履行 接受 "
    "引进 采取 作为 成为 是 有 没有 属于 遴选 邀请 首选 选择 指定 聘请 招用 雇用 "
    "属 兴办 培育 侵犯 妨碍 设置 成立 组成 造成 损害 利用 维护 抢修 违反 拒绝 "
    "阻挠 提出 收到 要求 涉及 超过 判决 租赁 列入")
CLAUSE_OPENERS = frozenset(("向", "从", "在", "被", "未", "经"))  # 向水体排放污染物的企业
# the government of a named place: 安阳市人民政府, 景宁畲族自治县人民政府
NAMED_GOVERNMENT = re.compile(
    r"[\u4e00-\u9fff]{1,8}(?:省|市|自治州|州|盟|县|自治县|旗|区|镇|乡)人民政府")
OFFICE_HEADS = ("人民政府", "政府")  # a government must be readable by the actor grammar
# 的 inside a fixed term opens no relative clause: 设区的市人民政府卫生健康主管部门
_RELATIVE_MARK = re.compile(r"的(?!市)|(?<!设区)的")
LEADING_VERBS = GOVERNING_VERBS | _set(
    "占用 发现 遵守 确定 提请 配合 拆除 发生 侵占 损坏 破坏 携带 饲养 出售 购买 燃放 擅自 "
    "违反 属于 有 没有 需要 开展 组织 协助 督促 指导 负责 警示 转送 坚持 列入 涉及 超过 "
    "判决 租赁 侵犯 接收 告知 通知 责令 优化 迁移 征收 传播 获得 接受 是 建设 分别 明确 "
    "方便 选举 出具 聘用 落实 知道 交 送交 报送 享受 发挥 公布 配备 加快 接到 报考 编制 "
    "认为 改建 扩建 明确 拐卖 诱骗 胁迫 教唆 探索 提高")
# verbs of policy and offences that never name the function of a body (使用单位 does)
POLICY_VERBS = _set("明确 拐卖 探索 提高 落实 加强 完善 推动 促进")
NOMINAL_VERBS = _set("建设 组织 负责 指导 协助 管理 服务 监督 保护")  # 精神文明建设委员会
CONJUNCTIONS = frozenset(("和", "及", "与", "或", "或者", "以及", "及其", "并"))
ORPHANS = frozenset(("他", "之", "者", "的", "地", "等", "组"))
FUNCTIONAL_HEADS = ("单位", "机关", "机构", "企业", "人", "者", "人员", "部门", "组织", "中心",
                    "方")
PRONOUNS = frozenset(("他人", "本人", "其他人", "任何人", "别人", "人", "有人", "个人或者"))
GENERIC_HEADS = (("单位",), ("人员",), ("组织",), ("机构",), ("个人",), ("企业",))



def _verbish(word: str) -> bool:
    """A relative clause needs a verb: 使用, 从事, 具备 … (a closed test on jieba's tag)."""
    tagged = list(_tagger().cut(word, HMM=False))
    return len(tagged) == 1 and tagged[0].flag.startswith("v")


@cache
def _tagger():
    import jieba.posseg as posseg

    return posseg.POSTokenizer(tokenizer())


@cache
def words(text: str) -> tuple[str, ...]:
    """``text`` cut into dictionary words (jieba, HMM=False)."""
    return tuple(tokenizer().lcut(text, HMM=False))


def boundaries(text: str) -> frozenset[int]:
    """Offsets in ``text`` where a dictionary word starts or ends."""
    cuts, pos = {0}, 0
    for word in words(text):
        pos += len(word)
        cuts.add(pos)
    return frozenset(cuts)


def junk_reason(designation: str) -> str | None:
    """Why ``designation`` is not a designation, or None when it is one."""
    if not 2 <= len(designation) <= 30:
        return "too short or too long"
    if designation in PRONOUNS:
        return "a pronoun, not a designation"
    listed = "、" in designation and offices.parse(designation) is None  # 市、县级人民政府 is one
    if listed or re.search(r"[，。；：\s]", designation) or designation.count("（") != \
            designation.count("）"):
        return "punctuation or unbalanced brackets inside"
    marks = [m.end() for m in _RELATIVE_MARK.finditer(designation)]
    outside = designation[marks[-1]:] if marks else designation
    clause = designation[: len(designation) - len(outside)]
    if clause and {"是", "为"} & set(words(clause)):
        return "a sentence (X是…的Y), not a designation"
    if clause and words(clause)[0] in FUNCTION_WORDS - CLAUSE_OPENERS:
        return f"starts with the function word {words(clause)[0]}"
    tokens = words(outside)
    bad = next((w for w in tokens if w in FUNCTION_WORDS), None)
    if bad:
        return f"the function word {bad} inside"
    verb = next((w for w in tokens[:-2] if w in GOVERNING_VERBS), None)  # 提供部门 is fine
    if verb:
        return f"the verb {verb} with its object"
    joined = next((w for w in tokens if w in CONJUNCTIONS), None)
    if clause and joined and len(outside.split(joined)[0]) >= 4 and \
            offices.parse(outside) is None:
        return "a coordination after the modifier (…的专项资金和…部门)"
    problem = None if clause else _phrase_problem(designation, tokens)
    if problem:
        return problem
    if re.search(r"^[一二三四五六七八九十两0-9]", designation):
        return "a number, not a designation"
    if designation.count("人民政府") > 1 or designation.count("人民检察院") + \
            designation.count("人民政府") > 1:
        return "two governments glued together"
    if re.search(r"(政府|部门|机构|有关部门|管理)\1|等(?!级)[^（）]*（|简称", designation):
        return "a doubled head, a list closer or an abbreviation inside"
    if clause and not any(is_verb(w) for w in words(clause[:-1])):
        return "a relative clause without its verb (…房屋的单位, 边远山区的乡机构)"
    if designation.endswith(OFFICE_HEADS) and not clause and offices.parse(designation) is None \
            and not NAMED_GOVERNMENT.fullmatch(designation):
        return "an office the actor grammar cannot read"
    return None


def is_verb(word: str) -> bool:
    """提出申请 (the clause's one word) is a verb; 房屋 is not. jieba's tag of one whole
    dictionary word is reliable enough for this one test."""
    tagged = list(_tagger().cut(word, HMM=False))
    return (len(tagged) == 1 and tagged[0].flag.startswith(("v", "l"))) \
        or any(word.startswith(verb) for verb in GOVERNING_VERBS)


def _phrase_problem(designation: str, tokens: tuple[str, ...]) -> str | None:
    """Junk in a designation without a relative clause: an unsplit coordination, half a
    word in front, a verb with its object."""
    conjunction = next((w for w in tokens if w in CONJUNCTIONS), None)
    if conjunction and offices.parse(designation) is None:  # 工业和信息化部门 is one
        return f"a coordination left unsplit ({conjunction})"
    if tokens[0] in ORPHANS or {"他", "它"} & set(tokens):
        return "half a word (其他 cut to 他, 小组 to 组 …)"
    middle = tokens[1:-2] if tokens[-1] in FUNCTIONAL_HEADS else tokens[1:-1]
    inner = next((w for w in middle if w in LEADING_VERBS - NOMINAL_VERBS), None)
    if inner:
        return f"the verb {inner} inside"
    if _leading_verb(tokens):
        return f"a verb phrase ({tokens[0]}…)"
    return None


def _leading_verb(tokens: tuple[str, ...]) -> bool:
    """发现有人, 配合社区居民委员会, 占用业主: a verb with its object, not a verb naming
    the function of a body (使用单位, 审批机关)."""
    if len(tokens) < 2 or tokens[0] not in LEADING_VERBS:
        return False
    return len(tokens) > 2 or tokens[1] not in FUNCTIONAL_HEADS or tokens[0] in POLICY_VERBS


def is_designation(designation: str) -> bool:
    return junk_reason(designation) is None


def on_boundaries(sentence: str, start: int, end: int) -> bool:
    """Whether sentence[start:end] starts and ends between dictionary words."""
    cuts = boundaries(sentence)
    return start in cuts and end in cuts
