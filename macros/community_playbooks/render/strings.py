"""Words the pages use around contributor text, in every language the site has."""

from __future__ import annotations

from ..content import languages
from .dialect import PAGE_KINDS

STRINGS: dict[str, dict[str, str]] = {
    "ui_open_in_browser": {
        "en": "This app's own browser cannot download files or print. Open the page in your phone's browser (in "
              "the ··· or share menu, choose Open in browser), then try again.",
        "zh": "这个 App 的内置浏览器不能下载文件，也不能打印。请在右上角 ··· 或分享菜单里选“在浏览器打开”，"
              "用手机自带的浏览器打开本页后再试。"},
    "ui_open_in_browser_wechat": {
        "en": "WeChat's browser cannot download files or print. Tap ··· at the top right, choose Open in Browser, "
              "then try again.",
        "zh": "微信里不能下载文件，也不能打印。点右上角的 ···，选“在浏览器打开”，再试一次。"},
    "ui_ticks_volatile": {
        "en": "This browser does not let the site save your ticks: they will be lost when you close the page.",
        "zh": "这个浏览器不让网站保存勾选：关闭页面后，勾选会丢失。"},
    "ui_copy_select": {"en": "The text is selected: long-press it and choose Copy.",
                       "zh": "文字已选中：长按它，选择“复制”。"},
    "ui_copy_link_select": {"en": "Long-press the address and choose Copy:", "zh": "长按下面的网址，选择“复制”："},
    # the theme's words that come from the config, not from its translations
    "permalink": {"en": "Permanent link", "zh": "本节链接"},
    "palette_to_dark": {"en": "Switch to dark mode", "zh": "切换到深色模式"},
    "palette_to_light": {"en": "Switch to light mode", "zh": "切换到浅色模式"},
    "group_type": {"en": "Group type", "zh": "社群类型"},
    "size": {"en": "Size", "zh": "规模"},
    "members": {"en": "{min}–{max} members", "zh": "{min}–{max}\u00a0人"},
    "platforms": {"en": "Platforms", "zh": "平台"},
    "threshold": {"en": "Entry threshold", "zh": "入群门槛"},
    "stages": {"en": "Stages", "zh": "阶段"},
    "mission": {"en": "Mission", "zh": "使命"},
    "purpose": {"en": "What we do together", "zh": "我们一起做的事"},
    "for_others": {"en": "What we do for others", "zh": "我们为别人做什么"},
    "for_ourselves": {"en": "What we do for ourselves", "zh": "我们为自己做什么"},
    "conflict": {"en": "When the two pull apart", "zh": "两头冲突时"},
    "also_called": {"en": "Also called", "zh": "也叫"},
    "criteria": {"en": "To get in", "zh": "入群条件"},
    "why": {"en": "Why", "zh": "为什么"},
    "rituals": {"en": "Rituals", "zh": "仪式"},
    "minutes": {"en": "{n} min", "zh": "{n}\u00a0分钟"},
    "feedback": {"en": "Feedback", "zh": "反馈"},
    "levels": {"en": "Member levels", "zh": "成员等级"},
    "how_to_reach": {"en": "How to reach it", "zh": "如何达到"},
    "privileges": {"en": "What it gives", "zh": "获得什么"},
    "roles": {"en": "Roles", "zh": "角色"},
    "duties": {"en": "Duties", "zh": "职责"},
    "signals": {"en": "Signals of progress", "zh": "进展信号"},
    "governance": {"en": "Governance by stage", "zh": "分阶段治理"},
    "led_by": {"en": "Led by", "zh": "主导者"},
    "practices": {"en": "Practices", "zh": "做法"},
    "move_on": {"en": "Move on when", "zh": "进入下一阶段的标志"},
    "about_stage": {"en": "About this stage", "zh": "关于这一阶段"},
    "pitfalls": {"en": "Pitfalls to avoid", "zh": "要避开的坑"},
    "in_this_group": {"en": "In this kind of group", "zh": "在这类社群里"},
    "about_pitfall": {"en": "About this pitfall", "zh": "关于这个坑"},
    "warning_signs": {"en": "Warning signs", "zh": "预警信号"},
    "severity": {"en": "Severity", "zh": "严重程度"},
    "messages": {"en": "Texts for the group", "zh": "群内文案"},
    "rules_post": {"en": "Group rules", "zh": "群规"},
    "welcome_post": {"en": "Welcome message", "zh": "欢迎语"},
    "announcement_post": {"en": "Ritual announcement", "zh": "群公告"},
    "checklists": {"en": "Launch checklist", "zh": "开群清单"},
    # a playbook's page holds both: the launch phases, then a running group's routines and health check
    "checklist_section": {"en": "Checklist", "zh": "清单"},
    "running_checklist": {"en": "Checklist for a running group", "zh": "运营中社群的清单"},
    "group_age": {"en": "Your group", "zh": "你的群"},
    "add_remedy": {"en": "Add the remedy to my checklist", "zh": "把补救办法加进我的清单"},
    "builder_empty": {
        "en": "Choose a playbook above to see its checklist; with your platform, size, stage and how long your group "
              "has run, it shows only what applies to you.",
        "zh": "先在上面选一本手册，就能看到它的清单；再选平台、人数、阶段和群开了多久，只显示适用于你的群的事项。"},
    "choose_stage_to_move_on": {
        "en": "Choose your group's stage to see what moves it on to the next one.",
        "zh": "选上你的群所处的阶段，就能看到走向下一阶段要做到什么。"},
    "remove_remedy": {"en": "Remove", "zh": "移除"},
    "remedies_only": {
        "en": "The remedies you added, on their own; choose a playbook above to see them with its checklist.",
        "zh": "这里只有你加进来的补救办法；在上面选一本手册，就能和它的清单放在一起看。"},
    "context_note": {"en": "Showing what applies to {situation}.", "zh": "只显示适用于{situation}的事项。"},
    "context_show_all": {"en": "Show every item", "zh": "显示全部事项"},
    "context_builder": {"en": "Your running group's checklist, with what moves your stage on, is in the checklist "
                                "builder.",
                        "zh": "运营中社群的完整清单（包括走向下一阶段要做到什么）在“清单定制”里。"},
    "find_remedy": {"en": "Add a pitfall's remedy: find the pitfall by its signs", "zh": "加一个坑的补救办法：按症状找到它"},
    "moving_on_from": {"en": "Moving on from {stage}", "zh": "走出{stage}"},
    "remedy_of": {"en": "Remedy: {pitfall}", "zh": "补救：{pitfall}"},
    "when_stage_review": {"en": "At each review of the stage", "zh": "每次复盘阶段时"},
    "when_now": {"en": "Now", "zh": "现在"},
    "owner_organisers": {"en": "Organisers", "zh": "运营者"},
    "when": {"en": "When", "zh": "时间"},
    "owner": {"en": "Owner", "zh": "负责人"},
    "see": {"en": "see", "zh": "参见"},
    "only_for": {"en": "only for {what}", "zh": "仅适用于 {what}"},
    "at_least": {"en": "at least {n} members", "zh": "至少\u00a0{n}\u00a0人"},
    "at_most": {"en": "at most {n} members", "zh": "至多\u00a0{n}\u00a0人"},
    "related_playbooks": {"en": "Related playbooks", "zh": "相关手册"},
    "related_pitfalls": {"en": "Related pitfalls", "zh": "相关的坑"},
    "sources": {"en": "Sources", "zh": "参考资料"},
    "tags": {"en": "Tags", "zh": "标签"},
    "summary": {"en": "Summary", "zh": "简介"},
    "causes": {"en": "Causes", "zh": "成因"},
    "prevention": {"en": "Prevention", "zh": "预防"},
    "remedy": {"en": "Remedy", "zh": "补救"},
    "used_in": {"en": "Used in", "zh": "用到它的手册"},
    "used_in_none": {"en": "No playbook uses this entry yet.", "zh": "还没有手册用到这一条。"},
    "cadence": {"en": "Cadence", "zh": "频率"},
    "duration": {"en": "Duration", "zh": "时长"},
    "host": {"en": "Host", "zh": "主持人"},
    "steps": {"en": "Steps", "zh": "步骤"},
    "variations": {"en": "On each platform", "zh": "不同平台的做法"},
    "mode": {"en": "Who decides", "zh": "谁来决定"},
    "risks": {"en": "Risks", "zh": "风险"},
    "playbook": {"en": "Playbook", "zh": "手册"},
    "pitfall": {"en": "Pitfall", "zh": "坑"},
    "ritual": {"en": "Ritual", "zh": "仪式"},
    "stage": {"en": "Stage", "zh": "阶段"},
    "playbooks_title": {"en": "Playbooks", "zh": "运营手册"},
    "pitfalls_title": {"en": "Pitfalls", "zh": "常见的坑"},
    "rituals_title": {"en": "Rituals", "zh": "社群仪式"},
    "stages_title": {"en": "Governance stages", "zh": "治理阶段"},
    "playbooks_intro": {
        "en": "Each playbook is a complete plan for one kind of group: its mission, who gets in, the rituals "
              "that keep it alive, how members see their progress, how it is governed as it grows, and the "
              "pitfalls it must avoid.",
        "zh": "每本手册是一类社群的完整方案：使命、谁能进来、让社群保持活力的仪式、成员如何看到自己的进展、"
              "社群壮大后如何治理，以及必须避开的坑。"},
    "pitfalls_intro": {
        "en": "The ways groups go wrong, with the warning signs you can see in the chat, what causes them, "
              "how to prevent them and what to do once they have happened.",
        "zh": "社群常见的失败方式：群里看得见的预警信号、成因、预防办法，以及出事之后怎么补救。"},
    "rituals_intro": {
        "en": "Fixed, recurring activities with a known form and time, so members know what to expect and "
              "come back for it.",
        "zh": "形式固定、时间固定的活动，让成员事先知道可以期待什么，并愿意按时回来参加。"},
    "stages_intro": {
        "en": "Groups are run differently as they grow: at launch the founders decide, and a mature group's "
              "members run it themselves.",
        "zh": "社群壮大的过程中，治理方式也在变：开群时发起人说了算，成熟以后成员自己管。"},
    "severity_col": {"en": "Severity", "zh": "严重程度"},
    "used_by_col": {"en": "Playbooks", "zh": "手册数"},
    "name_col": {"en": "Name", "zh": "名称"},
    "needs_review": {"en": "Needs review", "zh": "有待复核"},
    "needs_review_text": {
        "en": "Nobody has checked this entry since {date}, more than {months} months ago: platforms and "
              "practices may have changed. If you have used it recently, a pull request that updates it and its "
              "reviewed date is welcome.",
        "zh": "这一条自 {date} 起已超过 {months} 个月无人复核，平台规则和做法可能已有变化。如果你最近用过它，"
              "欢迎提交更新内容和审阅日期的合并请求。"},
    "untranslated": {"en": "Not fully translated", "zh": "尚未完全翻译"},
    "untranslated_text": {
        "en": "Parts of this entry have not been written in English yet; they are shown in another language.",
        "zh": "这一条目有部分内容还没有中文版本，暂以其他语言显示。"},
    "translations_title": {"en": "Translation status", "zh": "翻译进度"},
    "translations_intro": {
        "en": "Every entry, and how many of its texts exist in each language. A page shows a missing text in "
              "the other language, with a notice.",
        "zh": "列出每个条目，以及它的文字在各语言中完成了多少。缺少译文的内容会以另一种语言显示，并在页面上注明。"},
    "kind_col": {"en": "Kind", "zh": "类型"},
    "texts_done": {"en": "{done} of {total} texts", "zh": "{done}/{total} 段"},
    "complete_count": {"en": "{done} of {total} entries complete", "zh": "{done}/{total} 个条目已完成"},
    "reviewed_on": {"en": "Last reviewed on {date}.", "zh": "最近一次审阅：{date}。"},
    "items_n": {"en": "{n} items", "zh": "{n}\u00a0项"},
    "items_total": {"en": "Checklist items", "zh": "清单项数"},
    "calendar_file": {"en": "Add the rituals to your calendar (.ics)", "zh": "把仪式加入日历（.ics）"},
    "calendar_one": {"en": "add this one to a calendar", "zh": "只加这一项"},
    "calendar_about": {"en": "What the calendar holds, and how to add it", "zh": "日历里有什么，怎么加"},
    "calendar_in": {"en": "In the calendar", "zh": "日历里有"},
    "calendar_out": {"en": "Not in it, and why", "zh": "没有放进去的，以及原因"},
    "calendar_not_on_join": {"en": "it happens when someone joins", "zh": "有人入群时才办"},
    "calendar_not_on_leave": {"en": "it happens when someone leaves", "zh": "有人离开时才办"},
    "calendar_not_as_needed": {"en": "it happens when it is needed", "zh": "需要时才办"},
    "calendar_not_yearly": {"en": "once a year, on a date your group sets", "zh": "一年一次，日期由你们的群自己定"},
    "calendar_not_undated": {"en": "on a day your group sets", "zh": "具体哪天由你们的群自己定"},
    "calendar_how": {"en": "Adding it", "zh": "怎么加"},
    "calendar_iphone": {
        "en": "iPhone: tap the calendar link in Safari, then Add All. Inside WeChat or another app, open the page "
              "in Safari first (the ··· menu).",
        "zh": "iPhone：在 Safari 里点日历链接，再点“全部添加”。在微信或其他 App 里，先用 ··· 菜单在 Safari 中打开本页。"},
    "calendar_android": {
        "en": "Android: tap the link in your browser and open the file with your calendar app (Google Calendar or "
              "the phone's own), then save the events.",
        "zh": "安卓：在浏览器里点链接，用日历 App（手机自带的日历或 Google 日历）打开文件，再保存日程。"},
    "calendar_desktop": {
        "en": "Computer: download the file and open it, or import it: in Google Calendar, Settings, Import; in "
              "Outlook and Apple Calendar, open the file.",
        "zh": "电脑：下载文件后双击打开，或者导入：Google 日历在“设置”里选“导入”，Outlook 和苹果日历直接打开文件即可。"},
    "reset_ticks": {"en": "Clear my ticks", "zh": "清除勾选"},
    "ticks_cleared": {"en": "Ticks cleared.", "zh": "勾选已清除。"},
    "undo": {"en": "Undo", "zh": "撤销"},
    "print_kit": {"en": "Print the launch kit", "zh": "打印开群工具包"},
    "kit_pdf": {"en": "Launch kit (PDF)", "zh": "开群工具包（PDF）"},
    "tailor_checklist": {"en": "Tailor this checklist", "zh": "定制这份清单"},
    "size_n": {"en": "{n} members", "zh": "{n}\u00a0人"},
    "tailored_for": {"en": "Tailored for: {situation}", "zh": "适用于：{situation}"},
    "messages_intro": {
        "en": "Ready to paste into the group. WeChat and QQ show Markdown symbols as they are, so their version is "
              "plain text; Discord and Telegram get bold headings, Slack its own bold.",
        "zh": "可以直接粘贴到群里。微信和 QQ 不识别 Markdown 符号，所以用纯文本版本；Discord、Telegram 用加粗标题，"
              "Slack 用它自己的加粗写法。"},
    "print": {"en": "Print", "zh": "打印"},
    "download_pdf": {"en": "Download the PDF", "zh": "下载 PDF"},
    "back_to_playbook": {"en": "Back to the playbook", "zh": "返回手册"},
    "kit_title": {"en": "Launch kit: {title}", "zh": "开群工具包：{title}"},
    "kit_intro": {
        "en": "Three sheets for the week before the group opens: the checklist, the texts to paste into the group, "
              "and the ritual calendar.",
        "zh": "开群前一周用的三页纸：清单、要发到群里的文案，以及仪式日历。"},
    "no_messages": {"en": "This playbook has no chat texts yet.", "zh": "这本手册还没有群内文案。"},
    "ritual_calendar": {"en": "Ritual calendar", "zh": "仪式日历"},
    "next_dates": {"en": "Next dates", "zh": "接下来的日期"},
    "any": {"en": "Any", "zh": "不限"},
    "members_label": {"en": "Members", "zh": "人数"},
    "members_placeholder": {"en": "e.g. 300", "zh": "例如 300"},
    "filter_playbooks": {"en": "Filter playbooks", "zh": "筛选手册"},
    "clear": {"en": "Clear", "zh": "清除"},
    "filter_empty": {"en": "No playbook matches all of these choices. Drop one:",
                     "zh": "没有同时符合这些条件的手册。去掉一个条件试试："},
    "filter_without": {"en": "Without “{what}”: {n}", "zh": "去掉“{what}”：{n}\u00a0本"},
    "platform": {"en": "Platform", "zh": "平台"},
    "symptoms_title": {"en": "Symptom finder", "zh": "症状自查"},
    "symptoms_intro": {
        "en": "Tick what you can see in your group. The pitfalls whose warning signs match best come first, each "
              "with what to do about it.",
        "zh": "勾选你在群里看到的现象，预警信号最吻合的坑会排在最前面，并附上补救办法。"},
    "symptoms_form": {"en": "Warning signs", "zh": "预警信号"},
    "likely_pitfalls": {"en": "Most likely pitfalls", "zh": "最可能的坑"},
    "no_match": {"en": "Tick at least one sign to see the matching pitfalls.", "zh": "至少勾选一个信号，才能看到对应的坑。"},
    "n_ticked": {"en": "{n} ticked", "zh": "已勾选 {n}\u00a0项"},
    "see_results": {"en": "See the likely pitfalls", "zh": "看看可能的坑"},
    "needs_script": {"en": "This tool needs JavaScript. The list below holds the same information.",
                     "zh": "这个工具需要 JavaScript。下面的列表包含同样的信息。"},
    "all_signs": {"en": "Every pitfall and its warning signs", "zh": "所有的坑及其预警信号"},
    "other": {"en": "Other", "zh": "其他"},
    "signs_matched": {"en": "{n} of {total} signs", "zh": "吻合 {n}/{total} 个信号"},
    "compare_title": {"en": "Compare playbooks", "zh": "对比手册"},
    "compare_intro": {
        "en": "Choose two or three playbooks to see their mission, threshold, rituals, feedback and governance side "
              "by side. The choice stays in the address, so you can share the comparison.",
        "zh": "选两到三本手册，并排查看它们的使命、门槛、仪式、反馈和治理方式。所选内容会保存在网址里，可以直接分享。"},
    "playbook_n": {"en": "Playbook {n}", "zh": "手册 {n}"},
    "choose": {"en": "Choose…", "zh": "请选择"},
    "builder_title": {"en": "Checklist builder", "zh": "清单定制"},
    "builder_intro": {
        "en": "Pick a playbook, then your platform, group size, how long your group has run and its stage: you get one "
              "checklist with only the items that apply to your group. A group that already runs gets its routines, "
              "its health check and what moves its stage on, not a launch plan; the remedies you add from a pitfall "
              "join it. The choice stays in the address; the result prints cleanly.",
        "zh": "先选手册，再选平台、群规模、群开了多久和当前阶段，就能得到一份只含适用事项的清单。已经在运营的群拿到的是日常例行、"
              "健康检查和走向下一阶段要做到的事，而不是开群计划；从某个坑的页面加进来的补救办法也会列在里面。所选内容会保存在网址里，"
              "结果可直接打印。"},
    "current_stage": {"en": "Current stage", "zh": "当前阶段"},
    "load_failed": {"en": "This playbook could not be loaded. Check your connection and choose it again.",
                    "zh": "这本手册没能加载出来。请检查网络后重新选择。"},
    "no_items": {"en": "No item of this playbook applies to that group.", "zh": "这本手册没有适用于该社群的事项。"},
    "guide": {"en": "Guide", "zh": "指南"},
    "guides_title": {"en": "Guides", "zh": "运营指南"},
    "guides_intro": {
        "en": "Topics every organiser meets, whatever the group: each guide gives concrete steps and a short "
              "checklist of its own.",
        "zh": "不论哪类社群，运营者都会遇到的课题：每篇指南都给出具体步骤和一份简短的清单。"},
    "platforms_title": {"en": "Platforms", "zh": "平台"},
    "platforms_intro": {
        "en": "What each platform allows and limits, fact by fact, each with its source and the date someone last "
              "checked it. Platforms change their rules: check a fact older than a year before you rely on it.",
        "zh": "各平台允许什么、限制什么，一条一条列出，每条都注明来源和最近一次核实的日期。平台规则会变，"
              "超过一年未核实的事实，请先核对再照做。"},
    "steps_title": {"en": "Step by step", "zh": "具体步骤"},
    "guide_checklist": {"en": "Checklist", "zh": "清单"},
    "related_guides": {"en": "Related guides", "zh": "相关指南"},
    "guides_section": {"en": "Guides to read", "zh": "推荐阅读的指南"},
    "facts_title": {"en": "Platform facts", "zh": "平台事实"},
    "facts_intro": {"en": "What this page relies on about the platforms, with sources.",
                    "zh": "本页依据的平台事实及其来源。"},
    "fact_checked": {"en": "checked on {date}", "zh": "核实于 {date}"},
    "fact_unchecked": {"en": "not checked for over {months} months: check the source before relying on it",
                       "zh": "已超过 {months} 个月未核实：照做之前请先查看来源"},
    "fact_source": {"en": "Source", "zh": "来源"},
    "relied_on_by": {"en": "Relied on by", "zh": "引用它的条目"},
    "mainland": {"en": "From mainland China", "zh": "在中国大陆"},
    "facts_col": {"en": "Facts", "zh": "事实数"},
    "oldest_check": {"en": "Oldest check", "zh": "最早核实日期"},
    "platform_facts": {"en": "Facts", "zh": "事实"},
    "difficulty": {"en": "Difficulty", "zh": "难度"},
    "effort": {"en": "What it takes", "zh": "投入"},
    "badge_launch": {"en": "To launch", "zh": "筹备"},
    "badge_weekly": {"en": "Then", "zh": "之后"},
    "badge_team": {"en": "Team", "zh": "人手"},
    "badge_stage": {"en": "Starts", "zh": "起步"},
    "days_n": {"en": "{n} days", "zh": "{n}\u00a0天"},
    "hours_n": {"en": "{n} h a week", "zh": "每周\u00a0{n}\u00a0小时"},
    "people_n": {"en": "{n} people", "zh": "{n}\u00a0人"},
    "actions": {"en": "What to do", "zh": "马上可以做的"},
    "action_checklist": {"en": "Checklist", "zh": "清单"},
    "action_texts": {"en": "Texts to paste", "zh": "群文案"},
    "action_calendar": {"en": "Calendar", "zh": "日历"},
    "action_pdf": {"en": "PDF kit", "zh": "PDF 工具包"},
    "action_print": {"en": "Print kit", "zh": "打印工具包"},
    "action_share": {"en": "Share", "zh": "分享"},
    "action_remedy": {"en": "What to do now", "zh": "现在怎么办"},
    "action_prevent": {"en": "How to prevent it", "zh": "怎么预防"},
    "action_playbooks": {"en": "Playbooks", "zh": "相关手册"},
    "link_copied": {"en": "Link copied", "zh": "链接已复制"},
    "door_type": {"en": "Kind of group", "zh": "社群类型"},
    "door_platform": {"en": "Platform", "zh": "平台"},
    "door_size": {"en": "How many members", "zh": "大概多少人"},
    "door_open_index": {"en": "Show matching playbooks", "zh": "看看合适的手册"},
    "door_open": {"en": "Open “{title}”", "zh": "打开“{title}”"},
    "door_fits": {"en": "Written for your platform and size.", "zh": "平台和人数都对得上。"},
    "door_not_platform": {"en": "The closest fit, though written for {platforms}: most steps carry over.",
                          "zh": "这是最接近的一本，不过它是按{platforms}写的，大部分做法可以照搬。"},
    "door_not_size": {"en": "The closest fit, though written for {min}–{max} members.",
                      "zh": "这是最接近的一本，不过它是按 {min}–{max}\u00a0人的规模写的。"},
    "door_others": {"en": "See all {n} of this kind", "zh": "查看这一类的全部 {n} 本"},
    "door_finder": {"en": "Tick what you see in your group", "zh": "勾选群里出现的情况"},
    "days_to_launch": {"en": "{n} days to launch", "zh": "筹备 {n}\u00a0天"},
    "more_of_type": {"en": "{n} more like this", "zh": "同类还有 {n}\u00a0本"},
    # a source: "Title, Author, 2017 — what it says" / "《标题》，作者，2017：说明"
    "source_separator": {"en": ", ", "zh": "，"},
    "source_note": {"en": " — {note}", "zh": "：{note}"},
    "not_for_platform": {
        "en": "This playbook is written for {platforms}, not {platform}: check its texts and limits against your "
              "platform before you follow it.",
        "zh": "这本手册是按{platforms}写的，不包括{platform}：照做之前，先对照你的平台核对文案和各项限制。"},
    "not_for_size": {
        "en": "This playbook is written for {min}–{max} members, not {size}: expect to change its roles and rituals.",
        "zh": "这本手册按 {min}–{max}\u00a0人写的，而你的群是 {size}\u00a0人：角色和固定活动可能要调整。"},
    "qr_label": {"en": "QR code of {url}", "zh": "{url} 的二维码"},
    "qr_caption": {"en": "Scan to tick it on your phone", "zh": "扫码在手机上勾选"},
    "on_this_page": {"en": "On this page", "zh": "本页内容"},
    "mission_intro": {
        "en": "A group's mission answers two questions that pull against each other: what it does for others, "
              "and what it does for its own members. Holding both, and saying them plainly, is what gives members "
              "a purpose they share rather than a chat they sit in.",
        "zh": "社群的使命要回答两个互相拉扯的问题：为别人做什么，为自己做什么。两头都顾到、都说清楚，"
              "成员才有共同的目标，而不只是待在同一个群里。"},
    "paste_into": {"en": "Paste into:", "zh": "发到："},
    "text_for": {"en": "For {what}", "zh": "适用于 {what}"},
    "copy_text": {"en": "Copy the {what}", "zh": "复制{what}"},
    "copied": {"en": "Copied", "zh": "已复制"},
    "search_open": {"en": "Search", "zh": "搜索"},
    "search_title": {"en": "Search this site", "zh": "搜索本站"},
    "search_placeholder": {"en": "A problem, a kind of group, a ritual…", "zh": "一个问题、一类社群、一个固定活动……"},
    "search_close": {"en": "Close", "zh": "关闭"},
    "search_none": {"en": "No page matches “{query}”. Try fewer or other words.",
                    "zh": "没有页面包含“{query}”。试试少一点或换个说法。"},
    "search_some": {"en": "No page has all of these words; these have some of them.",
                    "zh": "没有页面同时包含这些词，下面是包含其中一部分的页面。"},
    "search_loading": {"en": "Loading the search…", "zh": "正在加载搜索……"},
    "search_failed": {"en": "The search could not be loaded. Check your connection and try again.",
                      "zh": "搜索没能加载出来。请检查网络后再试。"},
    "search_count": {"en": "{n} pages", "zh": "{n}\u00a0个页面"},
    "search_count_one": {"en": "1 page", "zh": "1\u00a0个页面"},
    "search_common": {"en": "“{query}” is on almost every page. Add a word or two: the problem, the kind of group or "
                            "the platform.",
                      "zh": "“{query}”几乎每一页都有。再加一两个词：遇到的问题、群的类型或者平台。"},
    "search_short": {"en": "One letter matches too much. Type a word or two.",
                     "zh": "一个字母能搜到的太多了。请输入一两个词。"},
    "search_respelt": {"en": "Showing results for “{query}”.", "zh": "已按“{query}”搜索。"},
    "search_finder_intro": {"en": "Not sure what it is called?", "zh": "不知道它叫什么？"},
    "search_finder": {"en": "Find it by what you see in your group", "zh": "按群里看到的情况查找"},
    "search_closest": {"en": "Closest titles:", "zh": "标题最接近的："},
    "search_kinds": {"en": "Show", "zh": "显示"},
    "search_all": {"en": "All", "zh": "全部"},
    "search_kind_playbook": {"en": "Playbooks", "zh": "手册"},
    "search_kind_pitfall": {"en": "Pitfalls", "zh": "坑"},
    "search_kind_ritual": {"en": "Rituals", "zh": "仪式"},
    "search_kind_stage": {"en": "Stages", "zh": "阶段"},
    "search_kind_guide": {"en": "Guides", "zh": "指南"},
    "search_kind_platform": {"en": "Platforms", "zh": "平台"},
    "search_kind_help": {"en": "Using the site", "zh": "使用帮助"},
    "search_kind_project": {"en": "About the project", "zh": "项目文档"},
    "ref_title": {"en": "Field reference", "zh": "字段参考"},
    "ref_index_intro": {"en": "Every field each kind of entry may hold, generated from the engine's JSON Schemas.",
                        "zh": "每类条目可以填写的全部字段，由引擎的 JSON Schema 自动生成。"},
    "ref_kind_title": {"en": "{kind} fields", "zh": "{kind}字段"},
    "ref_intro": {
        "en": "A {kind} is a file `{folder}<id>.yaml`; its id is the file name. This page is generated from "
              "`{schema}`, the schema every file is validated against.",
        "zh": "每个{kind}是一个文件 `{folder}<id>.yaml`，文件名就是它的 id。本页由 `{schema}` 自动生成，"
              "所有文件都按这份 schema 校验。"},
    "ref_text": {"en": "A *text* is one string for every language, or one per language: `{en: ..., zh: ...}`.",
                 "zh": "“文字”可以只写一次（所有语言通用），也可以按语言分别写：`{en: ..., zh: ...}`。"},
    "ref_field": {"en": "Field", "zh": "字段"},
    "ref_type": {"en": "Type", "zh": "类型"},
    "ref_required": {"en": "Required", "zh": "必填"},
    "ref_meaning": {"en": "Allowed values and meaning", "zh": "含义与可选值"},
    "ref_example": {"en": "Example", "zh": "示例"},
    "yes": {"en": "yes", "zh": "是"},
    "type_text": {"en": "text", "zh": "文字"},
    "type_choice": {"en": "one value", "zh": "单选值"},
    "type_or": {"en": " or ", "zh": "或"},
    "type_list": {"en": "list of {of}", "zh": "{of}列表"},
    "type_fields": {"en": "fields", "zh": "字段组"},
    "type_string": {"en": "string", "zh": "字符串"},
    "type_integer": {"en": "whole number", "zh": "整数"},
    "type_value": {"en": "value", "zh": "值"},
    "one_of": {"en": "One of: ", "zh": "可选："},
    "pattern": {"en": "Pattern: ", "zh": "格式："},
    "min_items": {"en": "at least {n} items", "zh": "至少 {n} 项"},
    "minimum": {"en": "at least {n}", "zh": "最小 {n}"},
    "maximum": {"en": "at most {n}", "zh": "最大 {n}"},
    # --- the Propose page, "Suggest an edit" and "Report a problem" (issue 19) -----------------
    "propose_title": {"en": "Propose an entry", "zh": "投稿"},
    "propose_nav": {"en": "Propose an entry", "zh": "投稿"},
    "propose_description": {
        "en": "Write a playbook, a pitfall, a ritual or a guide, or improve one, in a form: no git, no YAML.",
        "zh": "在表单里写一本手册、一个坑、一个仪式或一篇指南，或者改进已有的条目：不用 git，也不用写 YAML。"},
    "propose_intro": {
        "en": "You know how your group is run: write it down here, in English, in Chinese or in both. The form "
              "says what each field is for and checks what you write as you type. What happens next:",
        "zh": "你最清楚自己的群是怎么带起来的，就在这里写下来，中文、英文或两种都写都可以。表单会说明每一项填什么，"
              "边写边帮你检查。写完之后："},
    "propose_step_write": {
        "en": "What you write stays in this browser, so you can close the page and come back, and fix what the "
              "check asks after you send it; Start over clears it.",
        "zh": "写下的内容保存在这个浏览器里，关掉页面回来还在，发送后如果检查要求修改也能接着改；点“重新开始”才会清除。"},
    "propose_step_send": {
        "en": "Send opens GitHub with your proposal filled in (a free GitHub account is needed): check it and "
              "press Create. Or download the YAML file and make the pull request yourself.",
        "zh": "点“发送”会打开 GitHub，投稿内容已经填好（需要一个免费的 GitHub 账号），检查后点 Create 即可。"
              "也可以下载 YAML 文件，自己发起合并请求。"},
    "propose_step_review": {
        "en": "A check turns it into a pull request that credits you, or says on the issue what to fix; an "
              "editor reviews it before it is published.",
        "zh": "系统检查后会把它转成合并请求，并署上你的名字；如有问题，会在 issue 里说明要改什么。编辑审核后才会发布。"},
    "propose_loading": {"en": "Loading the form…", "zh": "正在加载表单……"},
    "propose_noscript": {
        "en": "This form needs JavaScript. Without it, open an issue on GitHub or follow the contributing guide.",
        "zh": "这个表单需要 JavaScript。没有的话，可以在 GitHub 上开一个 issue，或者按贡献指南操作。"},
    "propose_form_failed": {"en": "The form could not be loaded. Check your connection and reload the page.",
                            "zh": "表单没能加载出来。请检查网络后刷新页面。"},
    "propose_load_failed": {"en": "The entry could not be loaded. Check your connection and reload the page.",
                            "zh": "条目没能加载出来。请检查网络后刷新页面。"},
    "propose_kind_legend": {"en": "What do you propose?", "zh": "你想写什么？"},
    "propose_editing": {"en": "You are changing the {kind} “{title}”.", "zh": "你正在修改{kind}“{title}”。"},
    "propose_new_instead": {"en": "Write a new entry instead", "zh": "改为新写一条"},
    "propose_id_label": {"en": "Id: the name in its page's address", "zh": "id：页面地址里的名字"},
    "propose_id_help": {
        "en": "Lowercase letters, digits and hyphens, in English, e.g. book-club: the page will be at {folder}/book-club/.",
        "zh": "用小写英文字母、数字和连字符，如 book-club：页面地址会是 {folder}/book-club/。"},
    "propose_id_taken": {"en": "There is already a {kind} with this id. Choose another, or use “Suggest an edit” "
                                "on its page.",
                         "zh": "已经有同样 id 的{kind}了。换一个 id，或者到那一页点“提出修改”。"},
    "propose_write_in": {"en": "I write in", "zh": "我用的语言"},
    "propose_both": {"en": "Both", "zh": "两种都写"},
    "propose_one_language": {
        "en": "Texts you leave in one language are marked for a translator; until then the site shows them in "
              "that language, with a notice.",
        "zh": "只写了一种语言的文字会标注为待翻译；译好之前，网站上先显示原文，并附说明。"},
    "propose_optional": {"en": "optional", "zh": "选填"},
    "propose_required_mark": {"en": "required", "zh": "必填"},
    "propose_add": {"en": "Add", "zh": "添加"},
    "propose_add_field": {"en": "Add “{label}”", "zh": "添加“{label}”"},
    "propose_remove": {"en": "Remove", "zh": "删除"},
    "propose_remove_field": {"en": "Remove “{label}”", "zh": "删除“{label}”"},
    "propose_move_up": {"en": "Move up", "zh": "上移"},
    "propose_item": {"en": "{label}, number {n}", "zh": "{label}，第 {n} 项"},
    "propose_example": {"en": "e.g. {example}", "zh": "例如：{example}"},
    "propose_choose": {"en": "Choose…", "zh": "请选择……"},
    "propose_length": {"en": "{n} of {min}–{max} characters", "zh": "{n} 字（{min}–{max} 字）"},
    "propose_same_text": {"en": "The same in every language (a name, a title)", "zh": "各语言相同（人名、书名等）"},
    "propose_auto_id": {"en": "Leave it empty and the form makes one from the text.",
                        "zh": "留空的话，表单会根据文字自动生成。"},
    "propose_required": {"en": "Required.", "zh": "必填。"},
    "propose_too_short": {"en": "Too short: at least {min} characters (now {n}).", "zh": "太短：{n} 字，至少 {min} 字。"},
    "propose_too_long": {"en": "Too long: at most {max} characters (now {n}).", "zh": "太长：{n} 字，最多 {max} 字。"},
    "propose_bad_id": {"en": "Use lowercase letters, digits and single hyphens, e.g. book-club.",
                       "zh": "只能用小写字母、数字和单个连字符，如 book-club。"},
    "propose_bad_date": {"en": "Write a date as YYYY-MM-DD, e.g. 2026-11-24.", "zh": "日期写成 YYYY-MM-DD，如 2026-11-24。"},
    "propose_bad_time": {"en": "Write a time as HH:MM on a 24-hour clock, e.g. 20:30.",
                         "zh": "时间写成 24 小时制的 HH:MM，如 20:30。"},
    "propose_bad_url": {"en": "Write the whole address, starting with https://, without spaces or quotes.",
                        "zh": "写完整网址，以 https:// 开头，不要有空格或引号。"},
    "propose_bad_choice": {"en": "Choose one from the list.", "zh": "请从列表里选。"},
    "propose_not_number": {"en": "Write a number.", "zh": "请填数字。"},
    "propose_not_integer": {"en": "Write a whole number.", "zh": "请填整数。"},
    "propose_too_small": {"en": "At least {min}.", "zh": "不能小于 {min}。"},
    "propose_too_large": {"en": "At most {max}.", "zh": "不能大于 {max}。"},
    "propose_too_few": {"en": "Add at least {min}.", "zh": "至少要有 {min} 项。"},
    "propose_twice": {"en": "Listed twice.", "zh": "重复了。"},
    "propose_check_title": {"en": "Before you send", "zh": "发送之前"},
    "propose_problems": {"en": "To fix ({n}):", "zh": "还有 {n} 处要改："},
    "propose_ready": {"en": "Nothing to fix: ready to send.", "zh": "没有要改的地方，可以发送了。"},
    "propose_untranslated": {"en": "Texts only in {lang}: {n}. They will be marked for a translator.",
                             "zh": "有 {n} 段只写了{lang}，会标注为待翻译。"},
    "propose_send": {"en": "Send as a GitHub issue", "zh": "发送到 GitHub"},
    "propose_send_blocked": {"en": "Fix the problems first", "zh": "请先改完上面的问题"},
    "propose_send_help": {
        "en": "GitHub opens with your proposal filled in: check it and press Create. Your draft stays here until "
              "you start over.",
        "zh": "会打开 GitHub 页面，投稿内容已经填好：检查后点 Create。草稿会一直留在这里，直到你点“重新开始”。"},
    "propose_download": {"en": "Download the YAML file", "zh": "下载 YAML 文件"},
    "propose_download_help": {"en": "To make the pull request yourself: the file goes at {path}.",
                              "zh": "自己发起合并请求用：文件放在 {path}。"},
    "propose_long": {
        "en": "Your proposal is too long to go in a link. Copy it, open the issue form, and paste it under "
              "“The entry” in place of the line that says where.",
        "zh": "投稿内容太长，放不进链接。请先复制，再打开 issue 表单，粘贴到“The entry”下面，替换掉提示粘贴的那一行。"},
    "propose_copy": {"en": "1. Copy the proposal", "zh": "1. 复制投稿内容"},
    "propose_copied": {"en": "Copied. Now open the issue form.", "zh": "已复制，接着打开 issue 表单。"},
    "propose_open_form": {"en": "2. Open the issue form", "zh": "2. 打开 issue 表单"},
    "propose_copy_select": {"en": "The proposal is selected: long-press it and choose Copy, then open the issue form.",
                            "zh": "投稿内容已选中：长按它，选择“复制”，再打开 issue 表单。"},
    "propose_draft_kept": {"en": "Draft kept in this browser.", "zh": "草稿已保存在这个浏览器里。"},
    "propose_draft_back": {"en": "Your draft is back, as you left it.", "zh": "已恢复你上次没写完的草稿。"},
    "propose_no_storage": {
        "en": "This browser does not let the site keep a draft: if you close this page, what you wrote is lost. "
              "Send it or download the file before you close.",
        "zh": "这个浏览器不让网站保存草稿：关掉页面，写的内容就没了。关之前请先发送，或者下载文件。"},
    "propose_start_over": {"en": "Start over", "zh": "重新开始"},
    "propose_start_over_again": {"en": "Tap again to delete your draft", "zh": "再点一次，删除草稿"},
    "propose_in_app": {
        "en": "This app's own browser cannot download files. Open the page in your phone's browser (in the ··· or "
              "share menu, choose Open in browser): your draft stays only in this app's browser, so send it from "
              "here, or copy it first.",
        "zh": "这个 App 的内置浏览器不能下载文件。请在 ··· 或分享菜单里选“在浏览器打开”；不过草稿只保存在这个 App "
              "里，建议直接在这里发送，或者先复制。"},
    "improve_label": {"en": "Improve this page", "zh": "完善本页"},
    "suggest_edit": {"en": "Suggest an edit", "zh": "提出修改"},
    "report_problem": {"en": "Report a problem", "zh": "报告问题"},
}


def t(key: str, lang: str, **values: object) -> str:
    """The UI string ``key`` in ``lang`` (English when the language lacks it)."""
    entry = STRINGS[key]
    text = entry.get(lang) or entry["en"]
    return text.format(**values) if values else text


# The words the theme's templates use, handed to them by the MkDocs plugin.
THEME_KEYS = {"search": ("open", "title", "placeholder", "close", "none", "some", "loading", "failed", "count",
                         "count_one", "common", "short", "respelt", "finder_intro", "finder", "closest", "kinds", "all",
                         *(f"kind_{kind}" for kind in PAGE_KINDS)),
              # what the page script says where a browser refuses something (config.extra.cp.ui)
              "ui": ("open_in_browser", "open_in_browser_wechat", "ticks_volatile", "copy_select", "copy_link_select")}


def theme_values(lang: str) -> dict[str, object]:
    """What the site's own templates read as ``config.extra.cp``: their words
    (``{"search": {"open": "Search", ...}}``), the locale of link previews, and the count
    words the page script keeps with their numbers ("人|天|分钟")."""
    language = languages.language(lang)
    words: dict[str, object] = {group: {key: t(f"{group}_{key}", lang) for key in keys}
                                for group, keys in THEME_KEYS.items()}
    return {**words, "locale": language.locale, "units": "|".join(language.units)}
