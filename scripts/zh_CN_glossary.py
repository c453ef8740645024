"""zh_CN translations of the UI strings, applied to the .ts by `fill_translations.py`.

The .ts file stays the source of truth for Qt Linguist; this table lets a script fill in
strings in bulk (new strings from other views are added here, then the script is run).
"""

ZH_CN: dict[str, str] = {
    "New category": "新建分类",
    "Name:": "名称：",
    "Rename category": "重命名分类",
    "New name:": "新名称：",
    "Merge category": "合并分类",
    "Merge “%1” and its customers into:": "把“%1”及其客户合并到：",
    "Add category…": "添加分类…",
    "Add sub-category…": "添加下级分类…",
    "Rename…": "重命名…",
    "Merge into…": "合并到…",
    "Move to top level": "移到顶层",
    "(unclassified)": "（未分类）",
    "Classify customers": "客户分类",
    "%1 customers selected.": "已选择 %1 个客户。",
    "Scheme:": "维度：",
    "Category:": "分类：",
    "(remove from this scheme)": "（从该维度中移除）",
    "Saved by someone else": "已被他人保存",
    "the other user": "其他用户",
    "Field": "项目",
    "Saved by %1": "%1 保存的内容",
    "Yours": "你的内容",
    "Keep mine": "保留我的",
    "Take theirs": "采用对方的",
    "Default columns": "默认列",
    "Owner": "负责人",
    "Status": "状态",
    "Updated": "修改时间",
    "Created": "创建时间",
    "Archived": "已归档",
    "Active": "正常",
    "(everyone)": "（全部人员）",
    "Day": "日",
    "Month": "月",
    "Salesperson": "推销员",
    "Customer": "客户",
    "Kind": "类型",
    "Content": "内容",
    "Findings": "发现的情况",
    "Next step": "下一步",
    "Next visit": "下次访问",
    "{n} visits on {day}.": "{day} 共 {n} 次访问。",
    "Date": "日期",
    "Total": "合计",
    "Customers": "客户",
    "{n} visits in {year}-{month:02d}.": "{year}年{month:02d}月共 {n} 次访问。",
    "Save": "保存",
    "Save the card (Ctrl+S)": "保存档案卡（Ctrl+S）",
    "Identity": "客户资料",
    "Classification": "客户分类",
    "Visits": "访问记录",
    "Product": "商品",
    "Product category": "商品类别",
    "Quantity": "数量",
    "Amount": "金额",
    "Sales": "销售记录",
    "When": "时间",
    "Who": "修改人",
    "Old value": "原值",
    "New value": "新值",
    "History": "修改历史",
    "Add…": "添加…",
    "Edit…": "编辑…",
    "Remove": "删除",
    "(none)": "（无）",
    "New customer": "新客户",
    "(archived)": "（已归档）",
    "Restore": "恢复",
    "Archive": "归档",
    "Category: %1": "分类：%1",
    "Not saved. Correct the fields marked in red:": "未保存。请更正标红的项目：",
    "Not saved: someone else changed this customer meanwhile.": "未保存：在此期间有其他人修改了该客户。",
    "Unsaved changes": "未保存的修改",
    "“%1” has unsaved changes. Save them?": "“%1”有未保存的修改。要保存吗？",
    "This customer was erased by someone else.": "该客户已被其他人删除。",
    "Someone else saved this customer while you were editing. Your changes are kept; when you save, you choose field by field whose values to keep.": "在你编辑期间，其他人保存了该客户。你的修改仍然保留；保存时，你可以逐项选择保留哪一方的内容。",
    "Welcome to kehu": "欢迎使用客户档案管理",
    "This database has no customers yet. How would you like to start?": "这个数据库中还没有客户。你想怎样开始？",
    "Start empty": "从空白开始",
    "Add your customers one by one (Ctrl+N).": "逐个添加你的客户（Ctrl+N）。",
    "Load demo data": "载入演示数据",
    "Fictitious customers with contacts, visits and sales to try things out.": "虚构的客户，带有联系人、访问和销售记录，供试用。",
    "Demo customers:": "演示客户数：",
    "Import an Excel file": "导入 Excel 文件",
    "Bring in the customer list you already keep in Excel or CSV.": "导入你已经用 Excel 或 CSV 保存的客户名单。",
    "Log in to kehu": "登录客户档案管理",
    "User:": "用户：",
    "Password:": "密码：",
    "Wrong user name or password.": "用户名或密码不正确。",
    "Remember the password on this computer": "在本机记住密码",
    "This computer has no secure password store: the password is not kept.": (
        "本机没有安全的密码存储，密码不会被保存。"
    ),
    "Show archived": "显示已归档",
    "&New customer": "新建客户(&N)",
    "&Save card": "保存档案卡(&S)",
    "&Print card…": "打印档案卡(&P)…",
    "&Find": "查找(&F)",
    "&Refresh": "刷新(&R)",
    "&Undo classification": "撤销分类操作(&U)",
    "&Close card": "关闭档案卡(&C)",
    "Open card in own &window": "在单独窗口中打开档案卡(&W)",
    "&Archive / restore": "归档/恢复(&A)",
    "&Classify selected…": "为所选客户分类(&C)…",
    "&Quit": "退出(&Q)",
    "Export list to &Excel…": "导出列表到 Excel(&E)…",
    "Export cards to Excel…": "导出档案卡到 Excel…",
    "&Import Excel file…": "导入 Excel 文件(&I)…",
    "&About kehu": "关于客户档案管理(&A)",
    "&File": "文件(&F)",
    "&Edit": "编辑(&E)",
    "&View": "视图(&V)",
    "&Help": "帮助(&H)",
    "Main toolbar": "主工具栏",
    "kehu client records — %1": "客户档案管理 — %1",
    "shared": "共享",
    "local": "本机",
    "Database: %1 (%2 mode) · user %3": "数据库：%1（%2模式）· 用户 %3",
    "%1 shown": "显示 %1 个",
    "%1 customers": "共 %1 个客户",
    "%1 selected": "已选 %1 个",
    "loading…": "正在载入…",
    "Classification change undone": "已撤销分类操作",
    "Saved": "已保存",
    "Classify": "分类",
    "Select customers in the list first.": "请先在列表中选择客户。",
    "Print": "打印",
    "Open a card or select customers to print.": "请先打开一张档案卡或选择要打印的客户。",
    "Preparing the PDF…": "正在生成 PDF…",
    "Export to Excel": "导出到 Excel",
    "Excel files (*.xlsx)": "Excel 文件 (*.xlsx)",
    "Exporting %1 customers…": "正在导出 %1 个客户…",
    "Exported to %1": "已导出到 %1",
    "About kehu": "关于客户档案管理",
    "kehu %1 — client records for small businesses.\n\nAnyone who can open the database file can read it; per-user visibility is a convenience, not a lock.": "客户档案管理 %1 — 面向小企业的客户档案系统。\n\n能打开数据库文件的人都能读取其中的内容；按用户划分的可见范围只是方便使用，并不是加密保护。",
    "Key person": "关键人物",
    "New key person": "新建关键人物",
    "Show sensitive fields": "显示敏感信息",
    "Showing them is recorded in the audit log.": "查看敏感信息会记入审计日志。",
    "Cannot keep these values": "这些内容有误",
    "Propose an economical order": "建议经济的路序",
    "New No.": "新序号",
    "Old No.": "原序号",
    "{name} (no coordinates, stays)": "{name}（无坐标，位置不变）",
    "Use the new order": "采用新路序",
    "Keep the current order": "保留当前路序",
    "None of the stops has coordinates (or only one), so no order can be proposed.": "没有（或只有一个）站点有坐标，无法建议路序。",
    "The current order is already economical: {km:.1f} km.": "当前路序已经很经济：{km:.1f} 公里。",
    "Current order: {before:.1f} km. Proposed order: {after:.1f} km (saves {saving:.1f} km, {percent:.0f} %).": "当前路序：{before:.1f} 公里。建议路序：{after:.1f} 公里（节省 {saving:.1f} 公里，{percent:.0f}%）。",
    "Without coordinates, left in their places: {names}": "无坐标、保持原位的站点：{names}",
    "Edit route": "编辑路线",
    "New route": "新建路线",
    "(no region)": "（无区域）",
    "(nobody)": "（无人）",
    "optional": "可选",
    "Name": "名称",
    "Region": "区域",
    "Visit days": "访问日",
    "Frequency": "频率",
    "Start address": "出发地址",
    "Start latitude": "出发点纬度",
    "Start longitude": "出发点经度",
    "Notes": "备注",
    "Mon": "周一",
    "Tue": "周二",
    "Wed": "周三",
    "Thu": "周四",
    "Fri": "周五",
    "Sat": "周六",
    "Sun": "周日",
    "Regions and routes": "区域与路线",
    "{name} ({count})": "{name}（{count}）",
    "New region…": "新建区域…",
    "New route…": "新建路线…",
    "Edit route…": "编辑路线…",
    "Delete route": "删除路线",
    "Remove from route": "从路线中移除",
    "Propose order…": "建议路序…",
    "Record visit…": "记录访问…",
    "Choose a route in the tree, or create one.": "请在左侧选择一条路线，或新建一条。",
    "This route was deleted.": "该路线已被删除。",
    "no salesperson": "无推销员",
    "start: {address}": "出发：{address}",
    "{count} stops": "{count} 个站点",
    "New region": "新建区域",
    "Region name:": "区域名称：",
    "Delete the route “{name}”? Its {count} customers stay in the database; they are only taken off this route.": "删除路线“{name}”？其中的 {count} 个客户仍保留在数据库中，只是从该路线上移除。",
    "{customer} — on “{route}”": "{customer} — 在“{route}”上",
    "… and {n} more": "…… 另有 {n} 个",
    "Move customers": "移动客户",
    "A customer is on one route only. Move these customers to this route?": "一个客户只能在一条路线上。要把这些客户移到本路线吗？",
    "Search: name, pinyin initials, code, phone, credit code, contact (Ctrl+F)": "搜索：名称、拼音首字母、编号、电话、信用代码、联系人（Ctrl+F）",
    "No.": "序号",
    "Code": "编号",
    "Address": "地址",
    "Phone": "电话",
    "Last visit": "上次访问",
    "No coordinates: the proposed order leaves this stop in place.": "无坐标：建议路序不移动这个站点。",
    "Cancel": "取消",
    "Today": "今天",
    "Tomorrow": "明天",
    "Why": "原因",
    "Nothing due on {day}.": "{day} 没有待办事项。",
    "{day}: {due} to visit, {overdue} overdue, {birthdays} birthdays.": "{day}：待访问 {due} 个，逾期 {overdue} 个，生日 {birthdays} 个。",
    "Routes: {routes}": "路线：{routes}",
    "To visit": "待访问",
    "{route}, stop {n}": "{route}，第 {n} 站",
    "planned visit": "计划访问",
    "Visited on this day already": "当天已访问",
    "Overdue follow-ups": "逾期未跟进",
    "planned {day}, {n} days late": "计划于 {day}，已逾期 {n} 天",
    "Birthdays in the next 7 days": "未来 7 天内的生日",
    "today": "今天",
    "in {n} days": "{n} 天后",
    "turns {age}": "满 {age} 岁",
    "Edit visit report": "编辑访问报告",
    "Record visit": "记录访问",
    "Plan the next visit": "计划下次访问",
    "Unexpected error": "意外错误",
    "Something went wrong that kehu did not expect. Your saved data is safe. The details below were written to the log file; copy them if you report the problem.": "程序遇到了意外的问题。已保存的数据是安全的。下面的详细信息已写入日志文件；报告问题时请复制这些信息。",
    "Copy details": "复制详细信息",
    "Cannot do that": "无法完成操作",
    "Creating %1 demo customers…": "正在创建 %1 个演示客户…",
    "Cannot open the database": "无法打开数据库",
    "About this database": "关于这个数据库",
    "Print preview – %1": "打印预览 – %1",
    "Previous page": "上一页",
    "Next page": "下一页",
    "Zoom out": "缩小",
    "Zoom in": "放大",
    "Fit width": "适合宽度",
    "Whole page": "整页",
    "Print…": "打印…",
    "Save as PDF…": "另存为 PDF…",
    "Close": "关闭",
    "of %1": "共 %1 页",
    "Printing…": "正在打印…",
    "The printer could not be started.": "无法启动打印机。",
    "Save as PDF": "另存为 PDF",
    "PDF files (*.pdf)": "PDF 文件 (*.pdf)",
    "The PDF could not be saved: %1": "无法保存 PDF：%1",
    "Import from Excel": "从 Excel 导入",
    "Back": "上一步",
    "Next": "下一步",
    "Browse…": "浏览…",
    "File (.xlsx or .csv):": "文件（.xlsx 或 .csv）：",
    "Customers (with key persons)": "客户（含关键人物）",
    "Sale lines": "销售明细",
    "Customer-filled forms (for review)": "客户填写的资料表（待审核）",
    "What the file holds:": "文件内容：",
    "Sheet:": "工作表：",
    "Key persons sheet:": "关键人物工作表：",
    "Column in the file": "文件中的列",
    "First values": "前几行的值",
    "Imported as": "导入为",
    "Save mapping…": "保存对应关系…",
    "Load mapping…": "载入对应关系…",
    "Skip them": "跳过",
    "Fill in empty fields of the existing customer": "填补现有客户的空白项目",
    "Overwrite the existing customer's fields": "覆盖现有客户的项目",
    "Import them anyway as new customers": "仍作为新客户导入",
    "Customers already in the database:": "数据库中已有的客户：",
    "Skip rows hidden in Excel": "跳过 Excel 中隐藏的行",
    "Create missing categories": "创建缺少的分类",
    "Check (dry run)": "检查（试运行）",
    "Save rejected rows…": "保存被拒绝的行…",
    "Undo this import": "撤销本次导入",
    "Import": "导入",
    "Choose a spreadsheet": "选择电子表格",
    "Spreadsheets (*.xlsx *.csv *.txt)": "电子表格 (*.xlsx *.csv *.txt)",
    "Choose an existing file.": "请选择一个已存在的文件。",
    "Cannot read this file": "无法读取此文件",
    " (hidden)": "（隐藏）",
    "The sheet is empty.": "该工作表是空的。",
    "Header row: %1": "标题行：%1",
    "(not imported)": "（不导入）",
    "Save mapping": "保存对应关系",
    "Mappings (*.json)": "对应关系 (*.json)",
    "Load mapping": "载入对应关系",
    "Import failed": "导入失败",
    "Save rejected rows": "保存被拒绝的行",
    "Excel workbooks (*.xlsx)": "Excel 工作簿 (*.xlsx)",
    "Undo import": "撤销导入",
    "Some customers were changed after the import: %1. Undo anyway?": "部分客户在导入后被修改过：%1。仍要撤销吗？",
    "Cannot undo": "无法撤销",
    "The import was undone.": "已撤销导入。",
    "Review customer-filled forms": "审核客户填写的资料表",
    "Accept": "接受",
    "Now in the dossier": "档案中的现有内容",
    "Proposed by the customer": "客户填写的内容",
    "Note": "说明",
    "No forms are waiting for review.": "没有待审核的资料表。",
    "Accept all": "全部接受",
    "Reject all": "全部拒绝",
    "Apply decisions": "应用审核结果",
    "Changed in the dossier after the form was sent (form showed: %1)": "资料表发出后档案已被修改（表上为：%1）",
    "Cannot apply the review": "无法应用审核结果",
    "Loading…": "正在载入…",
    "Row": "行",
    "Column": "列",
    "Reason": "原因",
    "Error": "错误",
    "Warning": "警告",
    "Duplicate": "重复",
    "Routes": "路线",
    "Visit reports": "访问日报",
    "The database is damaged": "数据库已损坏",
    "Export PDF…": "导出 PDF…",
    "Export PDF": "导出 PDF",
    "Save the report shown as a PDF to print": "把当前显示的日报保存为 PDF，以便打印",
    "Saved %1": "已保存 %1",
    "A path such as 华东/上海 is found, or created, level by level in the tree.": (
        "“华东/上海”这样的路径会在分类树中逐级查找，没有的逐级创建。"
    ),
    "Record &visit…": "记录访问(&V)…",
    "Open a customer's card or select a customer first.": "请先打开客户档案卡或选中一个客户。",
    # --- i18n ---
    "(not visible to you)": "（无权查看）",
    # --- imports ---
    "Checking the file…": "正在检查文件…",
    "Importing…": "正在导入…",
    "Cancelled: nothing was imported.": "已取消：没有导入任何内容。",
    "Cannot load the mapping": "无法载入列映射",
    # --- exports ---
    "Export": "导出",
    "There are no customers in the list to export.": "列表中没有可导出的客户。",
    "Cancelled": "已取消",
    # --- issue 13 ---
    "Analysis": "分析",
    "Sales composition": "销售构成",
    "Product composition": "商品构成",
    "ABC grading": "ABC 分级",
    "Sales trend": "销售趋势",
    "Last 12 months": "近 12 个月",
    "This month": "本月",
    "This quarter": "本季度",
    "This year": "本年",
    "From – to": "起止月份",
    "A up to": "A 类至",
    "B up to": "B 类至",
    "Apply grades…": "应用等级…",
    "Undo grading": "撤销等级划分",
    "Excel…": "Excel…",
    "PDF…": "PDF…",
    "Group by": "按",
    "No customer would change grade.": "没有客户的等级会改变。",
    "Apply the proposed grades to {n} customers in one step?": "一次性为 {n} 个客户应用建议的等级？",
    "Undo the grading?": "撤销这次等级划分？",
    "Export analysis": "导出分析",
    "Sale line": "销售记录",
    "yuan, e.g. 1,280.50": "元，例如 1,280.50",
    "Amount (yuan)": "金额（元）",
    "Products": "商品",
    "Unit": "单位",
    "New": "新建",
    "Delete": "删除",
    "Change…": "修改…",
    "Products…": "商品列表…",
    "Product composition: %1": "商品构成：%1",
    "Delete this sale line?": "删除这条销售记录？",
    "Period": "期间",
    "From month": "起始月份",
    "To month": "结束月份",
    "Chart": "图表",
    "Figures": "数据",
    "Refresh": "刷新",
    "Written: {path}": "已写入：{path}",
    # --- issue 15 ---
    "%1 is kept. %2 is archived and linked to it; its key persons, visits, sale lines, route stop and categories move over. Choose the value to keep where they differ; the other value stays in the history. The merge can be undone.": (
        "保留 %1。%2 将归档并关联到它；其关键人物、访问记录、销售明细、路线站点和分类都转到保留的客户。"
        "两者不同时请选择要保留的值，另一个值记入变更历史。合并可以撤销。"
    ),
    "%1 likely duplicate pairs": "%1 对疑似重复",
    "(%1 more similar)": "（另有 %1 个相似）",
    "(empty)": "（空）",
    "A customer with this name probably exists already, looked after by %1: ask them before creating a second record.": (
        "可能已有同名客户，由 %1 负责：新建第二份档案前请先询问对方。"
    ),
    'A likely duplicate exists: %1 %2. <a href="open:%3">Open it instead</a>': (
        '疑似重复客户：%1 %2。<a href="open:%3">改为打开它</a>'
    ),
    "By": "操作人",
    "Duplicate customers": "重复客户",
    "Find &duplicates…": "查找重复客户(&D)…",
    "Kept": "保留",
    "Kept: %1": "保留：%1",
    "Likely duplicates": "疑似重复",
    "Looking for duplicates…": "正在查找重复客户…",
    "Lowest score:": "最低分数：",
    "Merge": "合并",
    "Merge duplicate customers": "合并重复客户",
    "Merge undone": "已撤销合并",
    "Merged": "被合并",
    "Merged with": "合并了",
    "Merged, not kept: %1": "合并时未保留：%1",
    "Merged: %1": "被合并：%1",
    "Merges": "合并记录",
    "Moves %1 key persons, %2 visits and %3 sale lines.": "将转移 %1 个关键人物、%2 条访问记录和 %3 条销售明细。",
    "Open both cards": "打开两份档案",
    "Possible duplicate": "疑似重复",
    "Reasons": "依据",
    "Review and merge…": "核对并合并…",
    "Scan": "查找",
    "Score": "分数",
    "State": "状态",
    "The two records hold the same values.": "两份档案的内容相同。",
    "Undo merge": "撤销合并",
    "another user": "其他用户",
    "merged": "已合并",
    "undone": "已撤销",
    "Overdue by visit cadence": "超过访问周期的客户",
    "{grade}: every {days} days, never visited": "{grade}：每 {days} 天访问一次，从未访问",
    "{grade}: every {days} days, {n} days overdue": "{grade}：每 {days} 天访问一次，已超 {n} 天",
    "Lunar birthdays": "农历生日",
    "Anniversaries": "交易周年",
    "{years} years of trading on {day}": "{day} 交易满 {years} 年",
    # --- issue 17 ---
    "Licence: %1": "许可证：%1",
    "Licences…": "许可证…",
    "Licences": "许可证",
    "kehu": "客户档案",
    "Components": "组件",
    "Third-party licence texts": "第三方许可证全文",
    "Component": "组件",
    "Version": "版本",
    "Licence": "许可证",
}

# Strings below the UI (context "kehu", marked with N_()): the field catalogue and its choices.
KEHU: dict[str, str] = {
    "Customer code": "客户编号",
    "Customer name": "客户名称",
    "Short name": "简称",
    "Unified social credit code": "统一社会信用代码",
    "Address": "地址",
    "Postal code": "邮编",
    "Phone": "电话",
    "Fax": "传真",
    "Email": "电子邮箱",
    "Website": "网址",
    "Latitude": "纬度",
    "Longitude": "经度",
    "Founded on": "创业时间",
    "Trading with us since": "与本公司交易起始时间",
    "Organisation form": "企业组织形式",
    "Industry": "业种",
    "Registered capital": "注册资本",
    "Assets": "资产",
    "Service area": "服务区域",
    "Sales capacity": "销售能力",
    "Development potential": "发展潜力",
    "Business philosophy": "经营观念",
    "Business policy": "经营方针与政策",
    "Employees": "职工人数",
    "Annual sales": "年销售额",
    "Management style": "经营管理特点",
    "Sales record": "销售实绩",
    "Quality of managers and staff": "经营管理者和业务人员的素质",
    "Relations with competitors": "与其他竞争公司的关系",
    "Cooperation with us": "与本公司的业务联系及合作态度",
    "Sales activity": "客户的销售活动状况",
    "Problems": "存在的问题",
    "Strengths": "保持的优势",
    "Countermeasures": "未来的对策",
    "Reputation and image": "企业信誉与形象",
    "Credit status": "信用状况",
    "Credit limit": "信用额度",
    "Trade terms": "交易条件",
    "Past credit issues": "以往出现的信用问题",
    "Source": "资料来源",
    "Review state": "审核状态",
    "Role": "角色",
    "Name": "姓名",
    "Title": "职务",
    "Mobile": "手机",
    "WeChat": "微信",
    "Birthday": "生日",
    "Age": "年龄",
    "Education": "学历",
    "Personality": "性格",
    "Hobbies": "嗜好",
    "Family": "家庭",
    "Ability": "能力",
    "Resident ID number": "身份证号",
    "Notes": "备注",
    "Legal basis": "处理依据",
    "Consent date": "同意日期",
    "Consent channel": "同意方式",
    "AAA excellent": "AAA 信用极好",
    "AA very good": "AA 信用优良",
    "A good": "A 信用较好",
    "B fair": "B 信用一般",
    "C poor": "C 信用较差",
    "D bad": "D 信用很差",
    "Salesperson visit": "推销员访问",
    "Filled in by customer": "客户填写",
    "Investigation agency": "专业调查机构",
    "Imported": "导入",
    "Reviewed": "已审核",
    "Pending review": "待审核",
    "Rejected": "未通过",
    "Active": "正常",
    "Archived": "已归档",
    "State-owned enterprise": "国有企业",
    "Collective enterprise": "集体企业",
    "Private enterprise": "私营企业",
    "Limited liability company": "有限责任公司",
    "Joint-stock company": "股份有限公司",
    "Joint venture": "中外合资企业",
    "Individual business": "个体工商户",
    "Partnership": "合伙企业",
    "Government institution": "机关事业单位",
    "Other": "其他",
    "Owner": "所有者",
    "Manager": "经营管理者",
    "Legal representative": "法人代表",
    "Purchasing": "采购",
    "Finance": "财务",
    "Primary school": "小学",
    "Middle school": "初中",
    "High school": "高中/中专",
    "College": "大专",
    "Bachelor": "本科",
    "Master": "硕士",
    "Doctorate": "博士",
    "Consent": "本人同意",
    "Necessary for a contract": "履行合同所必需",
    "Publicly disclosed": "已公开信息",
    "Other legal basis": "其他法定情形",
    "Identity": "客户资料",
    "Basic information": "基础资料",
    "Customer features": "客户特征",
    "Business situation": "业务状况",
    "Trading activity": "交易活动现状",
    "Record management": "档案管理",
    "Key person": "关键人物",
    "Consent (PIPL)": "个人信息同意",
    "Routine report": "日常报告",
    "Urgent report": "紧急报告",
    "Periodic report": "定期报告",
    "Date": "日期",
    "Product": "商品",
    "Product code": "商品编号",
    "Product category": "商品类别",
    "Quantity": "数量",
    "Amount": "金额",
    # --- i18n --- (the core, services, CLI and database messages once written as zh/en pairs)
    # validation
    "A unified social credit code has 18 characters, this one has {count}": "统一社会信用代码应为18位，现为{count}位",
    "The first character (registering authority) cannot be '{character}'; it must be 1–9, A, N or Y": "统一社会信用代码第1位（登记管理部门）不能是“{character}”，应为1–9、A、N或Y",
    "The unified social credit code contains characters that are not allowed (characters 3–8 are a region number; I, O, S, V and Z are never used)": "统一社会信用代码含有不允许的字符（第3–8位为行政区划数字，且不使用I、O、S、V、Z）",
    "The check character of the unified social credit code is wrong: please check for a typing error": "统一社会信用代码校验位不正确，请核对是否抄错",
    "A resident ID number has 18 characters, this one has {count}": "居民身份证号码应为18位，现为{count}位",
    "A resident ID number is 17 digits followed by a digit or X": "居民身份证号码前17位应为数字，最后一位为数字或X",
    "The birth date {date} in the resident ID number does not exist": "居民身份证号码中的出生日期{date}不存在",
    "The birth date {date} in the resident ID number is impossible": "居民身份证号码中的出生日期{date}不合理",
    "The check digit of the resident ID number is wrong: please check for a typing error": "居民身份证号码校验位不正确，请核对是否抄错",
    "The resident ID number is malformed": "居民身份证号码格式不正确",
    "'{value}' is not a phone number": "“{value}”不是有效的电话号码",
    "This phone number is possible but its prefix is unusual: please check it": "电话号码位数可能，但号段不常见，请核对",
    "This looks like a landline, not a mobile number": "这似乎是固定电话，而不是手机号码",
    "A postal code is six digits": "邮政编码应为6位数字",
    "This postal code is outside the usual ranges": "这个邮政编码不在常见的范围内",
    "This is not an email address": "电子邮箱格式不正确",
    "'{value}' is not a date; write 2024-1-2, 2024/1/2, 2024.1.2, 20240102 or 2024年1月2日": "“{value}”不是日期，可写作 2024-1-2、2024/1/2、2024.1.2、20240102 或 2024年1月2日",
    "'{field}' cannot be empty": "“{field}”不能为空",
    "At most {count} characters": "最多{count}个字符",
    "'{value}' is not an amount of money": "“{value}”不是金额",
    "'{value}' is not a whole number": "“{value}”不是整数",
    "'{value}' is not a coordinate": "“{value}”不是坐标",
    "A coordinate lies within ±{limit}": "坐标应在±{limit}之间",
    "'{value}' is not one of the choices ({options})": "“{value}”不是可选值（{options}）",
    # visit calendar
    "Mon": "周一",
    "Tue": "周二",
    "Wed": "周三",
    "Thu": "周四",
    "Fri": "周五",
    "Sat": "周六",
    "Sun": "周日",
    "Unknown visit frequency '{code}'": "未知的访问频率“{code}”",
    "Invalid visit weekdays '{days}'": "访问日“{days}”无效",
    "Weekly": "每周",
    "Weeks 1 & 3": "第1、3周",
    "Weeks 2 & 4": "第2、4周",
    "Monthly, week {n}": "每月第{n}周",
    "no visit day set": "未定访问日",
    "{frequency}: {weekdays}": "{frequency} {weekdays}",
    # default classification schemes
    "Nature": "客户性质",
    "Ownership": "所有制",
    "Trade type": "业态",
    "Location": "地段",
    "Grade": "客户等级",
    "Stage": "客户阶段",
    "Trade state": "交易状态",
    "Region": "区域",
    "Government body": "政府机构",
    "Special company": "特殊公司",
    "Ordinary company": "普通公司",
    "Individual customer": "个人顾客",
    "Trading partner": "交易伙伴",
    "State-owned": "全民所有制",
    "Collectively owned": "集体所有制",
    "Individually owned": "个体所有制",
    "Joint-stock": "股份制",
    "Jointly owned": "合资",
    "Wholesaler": "批发店",
    "Retailer": "零售商",
    "Agent": "代理店",
    "Authorised dealer": "特约店",
    "Chain store": "连锁店",
    "Specialty store": "专营店",
    "Shopping centre": "商业中心店",
    "Transport hub": "交通枢纽店",
    "Residential area": "居民区店",
    "Other location": "其他店铺",
    "Key customer (A)": "主力客户 (A)",
    "Regular customer (B)": "一般客户 (B)",
    "Occasional customer (C)": "零散客户 (C)",
    "Established customer": "老客户",
    "New customer": "新客户",
    "Prospective customer": "未来客户",
    "Traded before": "曾有交易",
    "Trading now": "正在交易",
    "About to trade": "即将交易",
    # classification.py
    "A category needs a name": "分类名称不能为空",
    "A category name has at most 60 characters": "分类名称最多60个字符",
    "A category cannot merge into itself": "不能把分类合并到它自己",
    "Only categories of the same scheme can merge": "只能合并同一维度中的分类",
    "A category cannot merge into its own sub-category": "不能合并到自己的下级分类中",
    "A category can only move within its scheme": "分类只能在同一维度内移动",
    "A category cannot move into one of its own sub-categories": "不能把分类移到它自己的下级分类中",
    # visits.py
    "Enter the date of the visit.": "请填写访问日期。",
    "The next visit cannot be before this visit.": "下次访问日期不能早于本次访问日期。",
    "You may not record visits for this salesperson.": "你不能替这位推销员登记访问。",
    "This customer does not exist.": "该客户不存在。",
    "You may not see this customer.": "你没有权限查看该客户。",
    "This visit report was deleted.": "该访问记录已被删除。",
    # routes.py
    "Enter a name for the region.": "请填写区域名称。",
    "The database has no region scheme.": "数据库中没有“区域”分类。",
    "Invalid start coordinates: latitude −90…90, longitude −180…180.": "起点坐标无效：纬度 −90…90，经度 −180…180。",
    "This route was deleted (perhaps by another user).": "该路线已被删除（可能是其他用户删除的）。",
    "Some of these customers were erased.": "有客户已被删除。",
    "You may not schedule some of these customers.": "你没有权限安排其中一些客户。",
    "Enter a name for the route.": "请填写路线名称。",
    "A route name has at most 60 characters.": "路线名称最多60个字。",
    "The chosen region does not exist.": "所选区域不存在。",
    # _context.py
    "This database has several users: say who you are with --user NAME (the password may come from KEHU_PASSWORD).": "这个数据库有多个用户，请用 --user 用户名 指明身份（密码可由 KEHU_PASSWORD 提供）。",
    "Wrong user name or password.": "用户名或密码不正确。",
    "A password is needed: run in a terminal or set KEHU_PASSWORD.": "需要密码：请在终端中运行，或设置 KEHU_PASSWORD。",
    "There is already a category named '{name}' here": "同一级下已有名为“{name}”的分类",
    "Unknown report kind '{kind}'": "未知的报告类型“{kind}”",
    "Invalid date: {date}": "日期无效：{date}",
    "The region '{name}' exists already.": "区域“{name}”已存在。",
    "Already on another route: {names} and others, {count} in all": "以下客户已在其他路线上：{names} 等{count}个",
    "Already on another route: {names}": "以下客户已在其他路线上：{names}",
    # database errors
    "Database error": "数据库出错",
    "'{path}' is not a kehu database (it may be damaged, or the wrong file was chosen). Choose the right file, or restore the latest backup.": "“{path}”不是客户档案数据库（文件可能已损坏，或选错了文件）。请选择正确的文件，或用“恢复备份”找回最近的备份。",
    "The database '{path}' is damaged: the integrity check failed. Stop writing to it and restore the latest good backup.": "数据库“{path}”已损坏，完整性检查未通过。请不要继续写入；用“恢复备份”找回最近的正常备份。",
    "The database '{path}' was written by a newer version of kehu and cannot be opened by this one. Please upgrade the application.": "数据库“{path}”由更新版本的客户档案软件创建，本版本无法打开。请升级软件后再打开。",
    "The database '{path}' is in use by another user or program and stayed locked after several retries. Try again in a moment; if it persists, check that no program hangs.": "数据库“{path}”正被其他用户或程序占用，多次重试后仍未成功。请稍后再试；若持续出现，请确认没有程序卡住。",
    "The disk is full: the database '{path}' cannot be written. The last change was not saved; free some disk space and try again.": "磁盘已满，无法写入数据库“{path}”。刚才的修改没有保存；请腾出磁盘空间后重试。",
    "The database '{path}' is read-only: nothing can be saved. Check the file's permissions or the network share's write access.": "数据库“{path}”是只读的，无法保存。请检查文件权限或网络共享的写入权限。",
    "The database '{path}' cannot be opened. Check that its folder exists and is writable.": "无法打开数据库“{path}”。请确认文件夹存在且有写入权限。",
    # services/auth.py, cli.py, commands/_context.py
    "local user": "本机用户",
    "kehu client records. Without a command, opens the main window.": "客户档案管理。不带命令时打开主窗口。",
    "database file (default: kehu.db in the user data folder)": "数据库文件（默认：用户数据文件夹中的 kehu.db）",
    "language (default: the system's)": "界面语言（默认跟随系统）",
    "act as this user (databases with several users)": "以该用户身份运行（数据库有多个用户时）",
    "Cancelled.": "已取消。",
    "Password for {user}: ": "{user} 的密码：",
    # --- imports ---
    "row {row}, {where} {header}: {reason}": "第{row}行 {where} “{header}”：{reason}",
    "row {row}, {where}: {reason}": "第{row}行 {where}：{reason}",
    "This is a formula cell without a saved result (the file was probably written by another program). Open and save it once in Excel or WPS, then import again.": "这是公式单元格，但文件中没有保存计算结果（文件可能由其他程序生成）。请在 Excel 或 WPS 中打开并保存一次，再导入。",
    "This row is hidden in Excel (read as usual)": "这一行在 Excel 中是隐藏的（已照常读取）",
    "Merged cells {cells}: the value of the top-left cell is used": "合并单元格 {cells}：使用了合并区域左上角的值",
    "The classification '{scheme}' has no category '{category}'. Add it in the tree first, or choose to create missing categories.": "分类“{scheme}”中没有“{category}”。请先在分类树中添加，或勾选“自动创建缺少的分类”。",
    "Customer": "客户",
    "The workbook has hidden sheets: {sheets} (not imported unless you choose one)": "工作簿中有隐藏的工作表：{sheets}（未自动导入；需要时请选择该工作表）",
    "Reading the hidden sheet '{sheet}'": "正在读取隐藏的工作表“{sheet}”",
    "This workbook uses the 1904 date system (old Mac Excel); dates are converted accordingly": "该工作簿使用 1904 日期系统（旧版 Mac Excel），日期已按 1904 系统换算",
    "CSV encoding: {encoding}": "CSV 文件编码：{encoding}",
    "Rejected rows": "未导入的行",
    "Reason": "原因",
    "Row": "原行号",
    "Warnings": "提醒",
    "Imported, but please check:": "已导入，但请核对：",
    "(not imported)": "（不导入）",
    "Classification: {name}": "分类：{name}",
    "Key person: {field}": "联系人：{field}",
    "Cannot read the mapping file {path}: {error}": "无法读取映射文件 {path}：{error}",
    "{path} is not a column mapping file": "{path} 不是列映射文件",
    "Reading rows": "正在读取行",
    "Customer forms need no column mapping": "客户资料表无需列映射",
    "The sheet '{sheet}' is empty": "工作表“{sheet}”是空的",
    "The sheet '{sheet}' is empty; other sheets: {others}": "工作表“{sheet}”是空的；其他工作表：{others}",
    "No header row found: no row among the first 30 has column names that match dossier fields (such as 客户名称 or 电话). Map the columns in the wizard or pass a --mapping file.": "找不到标题行：前30行中没有一行的列名能对应到客户资料字段（如 客户名称、电话）。请在向导中手动指定列，或使用 --mapping 映射文件。",
    "Required columns are missing: {columns} (header row {row})": "缺少必需的列：{columns}（标题行在第{row}行）",
    "customer code": "客户编号",
    "credit code": "统一社会信用代码",
    "customer name": "客户名称",
    "phone number": "电话",
    "row {row} has the same {what} as row {other}": "第{row}行与第{other}行的{what}相同",
    "row {row} has the same {what} as the existing customer {code}": "第{row}行与已有客户 {code} 的{what}相同",
    "[dry run, nothing written] {file} ({sheet}): {rows} rows; would be created {created}, would be updated {updated}, unchanged {unchanged}, duplicates skipped {skipped}, rejected {rejected}": "【试运行，未写入】{file}（{sheet}）：共 {rows} 行；将新建 {created}，将更新 {updated}，无变化 {unchanged}，跳过重复 {skipped}，未导入 {rejected}",
    "{file} ({sheet}): {rows} rows; created {created}, updated {updated}, unchanged {unchanged}, duplicates skipped {skipped}, rejected {rejected}": "{file}（{sheet}）：共 {rows} 行；新建 {created}，更新 {updated}，无变化 {unchanged}，跳过重复 {skipped}，未导入 {rejected}",
    "Customer-filled forms waiting for review: {n}": "待审核的客户填写资料：{n} 份",
    "Hidden rows skipped: {n}": "跳过隐藏行 {n} 行",
    "The customer code {code} is taken; a new code was given": "客户编号 {code} 已被使用，已分配新编号",
    "This customer exists but belongs to another salesperson; you may not change it": "该客户已存在，但属于其他推销员，你无权修改",
    "The customer name is empty": "客户名称为空",
    "Key-person details are filled in but the key person's name is empty": "填写了联系人信息，但联系人姓名为空",
    "Reading key persons": "正在读取联系人",
    "No key-person header in the sheet '{sheet}' (customer code/name and name are needed)": "工作表“{sheet}”中找不到联系人的标题行（需要 客户编号/客户名称 和 姓名）",
    "The customer of this key person was not found": "找不到这位联系人所属的客户",
    "The key person has no name": "联系人姓名为空",
    "The date is empty": "日期为空",
    "The amount is empty": "金额为空",
    "No quantity column: each line counts as 1": "没有数量列：每行按数量 1 导入",
    "{n} customers are named '{name}': use the customer code": "有{n}位客户名叫“{name}”，请用客户编号区分",
    "Customer '{customer}' not found (or not visible to you)": "找不到客户“{customer}”（或你无权查看）",
    "The product category is empty": "商品类别为空",
    "The quantity is empty": "数量为空",
    "'{text}' is not a quantity": "“{text}”不是数量",
    "No import number {batch}": "没有编号为 {batch} 的导入",
    "This import was already undone": "这次导入已经撤销过了",
    "You can only undo your own imports": "只能撤销自己的导入",
    "These customers were changed after the import: {codes} — undoing would lose those changes. Confirm to undo anyway.": "导入后这些客户又被修改过：{codes}……撤销会丢失这些修改。确认后可强制撤销。",
    "Reading customer forms": "正在读取客户资料表",
    "'{sheet}': nothing was changed": "“{sheet}”：没有修改",
    "Customer {code} not found (or not visible to you); this form was not imported": "找不到客户 {code}（或你无权查看），这份资料表未导入",
    "(new customer)": "（新客户）",
    "new key person {n} · {field}": "新联系人 {n} · {field}",
    "key person #{n} · {field}": "联系人 #{n} · {field}",
    "This form was already reviewed": "这份资料已经审核过了",
    "'{field}' is invalid and cannot be accepted": "“{field}”的内容无效，不能接受",
    "A new key person needs its name accepted": "新联系人必须接受姓名一项",
    "A new customer needs its name accepted": "新客户必须接受“客户名称”一项",
    "import from Excel or CSV": "从 Excel/CSV 导入",
    ".xlsx or .csv file": ".xlsx 或 .csv 文件",
    "sheet name": "工作表名称",
    "second sheet with key persons": "联系人所在的第二个工作表",
    "column mapping file (JSON)": "列映射文件 (JSON)",
    "save the detected mapping": "把识别出的列映射保存到文件",
    "duplicates: skip / update empty fields / overwrite / import anyway": "重复时：跳过 / 只补空白字段 / 覆盖 / 仍然导入",
    "check only, write nothing": "只检查，不写入",
    "skip hidden rows": "跳过隐藏行",
    "create missing categories (a path such as 华东/上海 is found and created level by level)": "自动创建缺少的分类（“华东/上海”按层级查找和创建）",
    "write rejected rows to this .xlsx": "未导入行的报告 (.xlsx)",
    "undo an import": "撤销导入",
    "undo despite later edits": "导入后有修改也撤销",
    "recent imports": "最近的导入",
    "Import {batch} undone ({n} records)": "已撤销导入 {batch}（{n} 条记录）",
    "Name the file to import": "请指定要导入的文件",
    "Cancelled: nothing was imported": "已取消：没有导入任何内容",
    "Mapping saved to {path}": "列映射已保存到 {path}",
    "  … {n} more (see the report file)": "  ……另有 {n} 条（见报告文件）",
    "Import number {batch}; undo with: kehu import --undo {batch}": "导入编号 {batch}；撤销：kehu import --undo {batch}",
    "{stem}_rejected.xlsx": "{stem}_未导入.xlsx",
    "Rejected rows and warnings written to {path}": "未导入的行和提醒已写入 {path}",
    "This dossier does not exist or was erased.": "该客户档案不存在或已被删除。",
    "You may not see or change this dossier.": "你没有权限查看或修改该客户档案。",
    "another user": "其他用户",
    "{who} saved this dossier while you were editing it. Your changes are not saved yet: choose, field by field, which value to keep.": "在你编辑期间，{who}已保存了这份档案。你的修改尚未保存，请逐项选择保留哪一方的内容。",
    "'{value}' cannot be read": "“{value}”无法读取",
    "This cell holds a number with more than 15 digits, which Excel cannot keep: it reads {shown} and the last digits are lost. Format the column as Text, type the original number again and re-import.": "该单元格以数字形式存储，超过15位的数字已被 Excel 截断（读到 {shown}，末尾几位已丢失）。请把这一列设为“文本”格式，重新输入原始号码后再导入。",
    "'{value}' is not a number of this kind": "“{value}”不是号码",
    "The postal code is stored as the number {digits} with {n} digits: leading zeros may have been lost. Check it and enter all six digits as text.": "邮编以数字形式存储为 {digits}，只有{n}位：开头的0可能已丢失。请核对后以文本格式输入完整的6位邮编。",
    "The number {value} was read as the text '{digits}'": "以数字存储的“{value}”已按文本“{digits}”读取",
    "The phone number is stored as the number {digits}: the leading 0 of the area code is lost. Enter the full number as text (e.g. 0{digits}).": "电话号码以数字形式存储为 {digits}：区号开头的0已丢失。请以文本格式输入完整号码（如 0{digits}）。",
    "The phone number was stored as a decimal number ({value}); read as {digits}": "电话号码以小数形式存储（{value}），已按 {digits} 读取",
    "'{value}' is not a date": "“{value}”不是日期",
    "The date is stored as the serial number {serial} (no date format); read with the {system} date system as {date}": "日期以序列号 {serial} 存储（单元格未设日期格式），已按 {system} 日期系统读取为 {date}",
    "Full-width characters and invisible spaces normalised: '{old}' → '{new}'": "已把全角字符转为半角并去掉不可见空格：“{old}” → “{new}”",
    "The number is in scientific notation ({text}); the original digits are lost. Enter the full number as text.": "号码写成了科学计数法（{text}），原始数字已丢失。请以文本格式重新输入完整号码。",
    "The cell holds a date ({date}) but the column is '{column}'. Excel may have turned the number into a date.": "单元格是日期（{date}），而这一列应为“{column}”。Excel 可能把号码自动识别成了日期。",
    "Cannot open the file {path}: {error}": "无法打开文件 {path}：{error}",
    "{file} is empty (0 bytes)": "文件 {file} 是空的（0 字节）",
    "a PDF file": "PDF 文件",
    "a binary file": "二进制文件",
    "a text file (renamed?)": "文本文件（扩展名被改过？）",
    "a file of an unknown kind": "未知格式的文件",
    "{file} is not a spreadsheet but {what}. Choose an .xlsx or .csv file.": "{file} 不是电子表格，而是{what}。请选择 .xlsx 或 .csv 文件。",
    "{file} is protected with a password and cannot be read. Open it in Excel, remove the password (File > Info > Protect Workbook > Encrypt with Password), save, and import again.": "{file} 设置了打开密码，无法读取。请在 Excel 中打开，在“文件 > 信息 > 保护工作簿 > 用密码进行加密”中删除密码，保存后再导入。",
    "{file} is an old Excel 97-2003 (.xls) file. Open it in Excel or WPS, save it as an Excel Workbook (.xlsx) and import that.": "{file} 是旧版 Excel 97-2003 (.xls) 文件。请在 Excel 或 WPS 中打开，“另存为” Excel 工作簿 (.xlsx) 后再导入。",
    "an old Office document": "旧版 Office 文档（Word 或 PowerPoint）",
    "{file} is damaged: {error}": "{file} 已损坏，无法读取：{error}",
    "{file} contains an XML document type declaration (possibly a malicious file); it was not read.": "{file} 含有 XML 文档类型声明（可能是恶意文件），已拒绝读取。",
    "{file} is an Excel binary workbook (.xlsb). Save it as .xlsx and import that.": "{file} 是 Excel 二进制工作簿 (.xlsb)。请另存为 .xlsx 后再导入。",
    "a Word document": "Word 文档",
    "a PowerPoint presentation": "PowerPoint 演示文稿",
    "{file} is an OpenDocument file (.ods). Save it as .xlsx and import that.": "{file} 是 OpenDocument 文件 (.ods)。请另存为 .xlsx 后再导入。",
    "a zip archive": "压缩包（zip）",
    "{file} would expand too much ({detail}); it may be a zip bomb and was not read.": "{file} 解压后过大或压缩比异常（{detail}），可能是“压缩炸弹”，已拒绝读取。",
    "{file} contains XML entities (possibly malicious); it was not read.": "{file} 含有 XML 实体（可能是恶意文件），已拒绝读取。",
    "{file} has no worksheets": "{file} 中没有工作表",
    "No sheet named '{sheet}'; the sheets are: {sheets}": "找不到工作表“{sheet}”，可选：{sheets}",
    "The text encoding of {file} is neither UTF-8 nor GB18030/GBK. Save it as 'CSV UTF-8' or .xlsx from Excel.": "{file} 的文字编码无法识别（不是 UTF-8 也不是 GB18030/GBK）。请在 Excel 中另存为 “CSV UTF-8” 或 .xlsx。",
    "A customer form is an .xlsx file from kehu": "客户资料表应为本软件导出的 .xlsx 文件",
    "{file} contains no customer form (use a form exported by kehu)": "{file} 中没有客户资料表（请使用本软件导出的表格）",
    # --- sqlmove ---
    "Search keys": "搜索索引",
    "Demo customers": "演示客户",
    "Routes": "路线",
    "Indexes": "索引",
    "Backing up": "正在备份",
    "Keeping the current database": "正在另存当前数据库",
    "Restoring": "正在恢复",
    "fill in demo data": "生成演示数据",
    "number of customers (default 1000)": "客户数量（默认 1000）",
    "random seed": "随机种子",
    "Generated {customers:,} customers, {persons:,} key persons, {routes:,} routes, "
    "{visits:,} visits and {sales:,} sale lines in {seconds:.1f} s.": (
        "已生成 {customers:,} 位客户、{persons:,} 位关键人物、{routes:,} 条路线、"
        "{visits:,} 条访问记录、{sales:,} 条销售记录，用时 {seconds:.1f} 秒。"
    ),
    "create a database": "创建数据库",
    "local: this computer (WAL); shared: a file on a network drive": (
        "local：本机（WAL）；shared：网络共享文件"
    ),
    "check integrity, schema and counts": "检查数据库完整性、结构版本和数量",
    "print JSON": "输出 JSON",
    "back up the database": "备份数据库",
    "backup file (default: a backups folder beside the database)": (
        "备份文件（默认：数据库旁的 backups 文件夹）"
    ),
    "restore a backup (verified first; the current database is kept aside)": (
        "从备份恢复（先校验备份，原数据库另存）"
    ),
    "The database already exists: {path} ({mode} mode)": "数据库已存在：{path}（{mode} 模式）",
    "Created database {path} ({mode} mode)": "已创建数据库：{path}（{mode} 模式）",
    "Database: {value}": "数据库：{value}",
    "Mode: {value}": "模式：{value}",
    "Schema version: {value}": "结构版本：{value}",
    "Integrity: {value}": "完整性：{value}",
    "Foreign-key problems: {value}": "外键问题：{value}",
    "The database is healthy.": "数据库状态良好。",
    "The database has problems: restore a backup.": "数据库有问题，请从备份恢复。",
    "Backed up to {path}": "已备份到 {path}",
    "Restored {source} to {path} ({mode} mode).": "已从 {source} 恢复到 {path}（{mode} 模式）。",
    "The previous database was kept as {path}": "原数据库已保存为 {path}",
    "find customers (name, pinyin, code, phone, key person)": (
        "搜索客户（名称、拼音、编号、电话、关键人物）"
    ),
    "search text": "搜索文字",
    "at most N (20)": "最多显示几条（默认 20）",
    "include archived customers": "包括已归档客户",
    "Nothing found for '{text}'": "没有找到“{text}”",
    "code": "编号",
    "name": "名称",
    "phone": "电话",
    "owner": "负责人",
    # --- lead ---
    "no progress line": "不显示进度",
    # --- exports ---
    "{fmt} has no kind '{kind}'; choose from {kinds}": "{fmt} 不支持 --kind {kind}，可选：{kinds}",
    "Exported {n} customers to {path}": "已导出 {n} 位客户到 {path}",
    "(hidden)": "（已隐藏）",
    "Only an administrator or a manager may show sensitive fields (ID numbers, birthdays, "
    "family and the like); ask one of them, or export without reveal.": (
        "只有管理员或经理可以显示敏感信息（身份证号、生日、家庭等）。请找他们办理，或不显示敏感信息导出。"
    ),
    "{route}, stop {number}": "{route} 第 {number} 站",
    "Customers on no route": "未编入路线的客户",
    "The PDF font '{spec}' cannot be used (a TrueType .ttf/.ttc font with Chinese glyphs is "
    "needed); a system font is used instead.": (
        "设置的 PDF 字体“{spec}”无法使用（需要含中文的 TrueType .ttf/.ttc 字体），已改用系统字体。"
    ),
    "No embeddable Chinese TrueType font was found: the PDF uses the non-embedded "
    "STSong-Light font and may not display on every viewer or printer. Set a font "
    "(e.g. msyh.ttc, simsun.ttc) in the settings.": (
        "未找到可嵌入的中文 TrueType 字体，PDF 使用了未嵌入的 STSong-Light 字体，"
        "在部分阅读器或打印机上可能无法正常显示。请在设置中指定字体（如 msyh.ttc、simsun.ttc）。"
    ),
    ": ": "：",
    "Last visits": "最近访问",
    "no grade": "未分级",
    "Kind": "类型",
    "Salesperson": "推销员",
    "Content / findings / next step": "内容 / 发现 / 下一步",
    "Next visit": "下次访问",
    "[archived]": "【已归档】",
    "Classification: none": "分类：未分类",
    "Code": "客户编号",
    "Coordinates": "经纬度",
    "Route": "路线",
    "Responsible": "负责人",
    "(no key persons)": "（未登记关键人物）",
    "(no visits yet)": "（暂无访问记录）",
    "Credit": "信用",
    "Findings": "发现的情况",
    "Next step": "下一步",
    "Reading customers": "正在读取客户",
    "The size must be A4 or A5: {size}": "纸张应为 A4 或 A5：{size}",
    "Client cards": "客户档案卡",
    "Laying out pages": "正在排版",
    "The date must be YYYY-MM-DD: {date}": "日期格式应为 YYYY-MM-DD：{date}",
    "The label sheet must be COLSxROWS, e.g. 3x8 or 2x7: {spec}": (
        "标签规格应为 列x行，如 3x8 或 2x7：{spec}"
    ),
    "Attn: {who}": "{who} 收",
    "Address labels": "地址标签",
    "(no customers)": "（没有符合条件的客户）",
    "Printed by {name}, {stamp}": "打印人：{name}　{stamp}",
    "Page {page}/{pages}": "第 {page}/{pages} 页",
    " (cont.)": "（续）",
    "Salesperson's signature": "推销员签字",
    "Checked by": "主管审核",
    "No.": "序号",
    "Visit content": "访问内容",
    "Findings / problems": "发现 / 问题",
    "Last visit": "上次访问",
    "Customer information form": "客户资料表",
    "Route sheet": "路序表",
    "Monthly visit report": "客户访问月报",
    "Daily visit report": "客户访问日报",
    "All salespeople": "全部推销员",
    "(no visits in this month)": "（当月无访问记录）",
    "(no visits on this day)": "（当日无访问记录）",
    "Please fill in the information below in block letters and tick □ where options are "
    "given. It is used only for our business with you.": (
        "请用正楷填写以下资料，选择项请在□内打“√”。所填资料仅用于双方业务往来。"
    ),
    "Contacts / key persons": "主要联系人 / 关键人物",
    "Personal information: the contacts' names and phone numbers above are used only for "
    "our business with you and kept according to the Personal Information Protection Law; "
    "they are not given to third parties. The person filling in this form confirms that the "
    "contacts agreed.": (
        "个人信息处理说明：上表所列联系人的姓名、电话等个人信息仅用于双方业务联系，"
        "我司将依照《个人信息保护法》妥善保管，不向第三方提供。填表人确认已取得上述联系人的同意。"
    ),
    "Signature: ______________    Company stamp: ______________    Date: __________": (
        "填表人签字：______________　　单位盖章：______________　　日期：______________"
    ),
    "(no customers in this selection)": "（没有符合条件的客户）",
    "Month": "月份",
    "Visit days": "访问日",
    "Stops": "客户数",
    "Number of visits": "访问数",
    "Summary of the day / support needed": "当日总结 / 需要支持的事项",
    "Date filled in": "填表日期",
    "____-____-____ (YYYY-MM-DD)": "______ 年 ____ 月 ____ 日",
    "CNY ______________": "人民币 ______________ 元",
    "(no stops)": "（路线上没有客户）",
    "Writing cards": "正在写入档案卡",
    "Content": "内容",
    "Page &P of &N": "第 &P 页，共 &N 页",
    "Recent visits": "最近访问",
    "Client record": "客户档案",
    "Status": "状态",
    "Writing rows": "正在写入",
    "Fill in or correct the white cells on the right; do not change the grey part. We check "
    "every item before updating our records.": (
        "请在右侧白色格子中填写或更正；灰色部分请勿修改。我们会逐项核对后更新档案。"
    ),
    "Customer code: {code}": "客户编号：{code}",
    "New customer (please fill in everything)": "新客户（请填写全部信息）",
    "{label} (required)": "{label}（必填）",
    "Choose from the list": "请从列表中选择",
    "Contact {number}": "联系人 {number}",
    "Customer list": "客户名单",
    "Visit report": "客户访问日报",
    "Unknown format '{fmt}'; choose xlsx or pdf": "未知的格式“{fmt}”，可选 xlsx 或 pdf",
    "Customers": "客户",
    "Key persons": "关键人物",
    "Visits": "访问记录",
    "Sales": "销售记录",
    "There are no customers to export": "没有可导出的客户",
    "No salesperson named '{name}'": "找不到推销员“{name}”",
    "Export list to &Excel…": "导出列表到 Excel(&E)…",
    "Export cards to Excel…": "导出档案卡到 Excel…",
    "&Print card…": "打印档案卡(&P)…",
    "Export customer forms to Excel…": "导出客户资料表到 Excel…",
    "Print customer forms…": "打印客户资料表…",
    "Print address labels…": "打印地址标签…",
    "Unknown sheet '{name}'; choose persons, visits or sales": (
        "未知的工作表“{name}”，可选 persons、visits、sales"
    ),
    "There is no column named '{name}'": "没有叫“{name}”的列",
    "No category named '{name}'": "找不到分类“{name}”",
    "Several categories are named '{name}': use the id": "有多个分类叫“{name}”，请用编号",
    "No route named '{name}'": "找不到路线“{name}”",
    "export Excel or PDF": "导出 Excel 或 PDF",
    "customer codes, comma-separated": "客户编号，逗号分隔",
    "category (name or id, with sub-categories)": "分类（名称或编号，含子分类）",
    "route (name or id)": "路线（名称或编号）",
    "writer option (e.g. reveal=1: sensitive fields unmasked, admins and managers only)": (
        "导出选项（如 reveal=1 显示敏感信息，仅管理员和经理）"
    ),
    "The database is on a network drive ({filesystem}); it uses shared mode (rollback journal, full sync). Saving may take a moment when several people work at once.": "数据库位于网络驱动器（{filesystem}）上，已使用共享模式（回滚日志、完全同步）。多人同时使用时，保存可能需要稍等。",
    "The database is inside the cloud-synced folder '{folder}'. Sync clients can copy a file while it is being written and damage it; keep the database in a normal folder or on a network share, and put backups in the cloud folder instead.": "数据库位于云同步文件夹“{folder}”中。同步软件可能在写入过程中复制文件而导致损坏；请把数据库放在普通文件夹或网络共享上，用备份功能把备份放入云盘。",
    "Archived customers": "已归档客户",
    "Classification schemes": "分类维度",
    "Categories": "分类",
    "Route stops": "路线站点",
    "Sale lines": "销售明细",
    "Users": "用户",
    "Audit entries": "审计记录",
    # --- issue 13 ---
    "This month": "本月",
    "This quarter": "本季度",
    "This year": "本年",
    "Last 12 months": "近 12 个月",
    "Custom": "自定义",
    "Unknown period '{name}'": "未知的期间“{name}”",
    "'{text}' is not a month or a date (2026-03 or 2026-03-15)": "“{text}”不是月份或日期（如 2026-03 或 2026-03-15）",
    "The period ends before it starts": "期间的结束早于开始",
    "Not classified": "未分类",
    "No owner": "无负责人",
    "No sales in the period": "期间内无销售",
    "Per salesperson": "按推销员",
    "No classification scheme '{name}'": "找不到分类维度“{name}”",
    "No category number {id}": "没有编号为 {id} 的分类",
    "Product shares per salesperson are not offered; pick a scheme": "不提供按推销员的商品构成，请选择一个分类维度",
    "Customer category": "客户分类",
    "You cannot see this customer": "您无权查看此客户",
    "The grade scheme needs three categories (A, B, C)": "客户等级维度需要三个分类（A、B、C）",
    "Thresholds must satisfy 0 < A ≤ B ≤ 100 (given {a} and {b})": "界限须满足 0 < A ≤ B ≤ 100（现为 {a} 和 {b}）",
    "Only a manager or an administrator can apply grades": "只有经理或管理员可以应用客户等级",
    "No grading to undo": "没有可撤销的等级划分",
    "You can only undo your own gradings": "只能撤销自己做的等级划分",
    "Grading of {period} ({n} customers)": "{period} 的等级划分（{n} 个客户）",
    "(no product)": "（无商品）",
    "Sales composition": "销售构成",
    "Product composition": "商品构成",
    "ABC grading": "ABC 分级",
    "Sales trend": "销售趋势",
    "Unknown analysis '{name}'": "未知的分析“{name}”",
    "Period {period}": "期间 {period}",
    "Category": "分类",
    "Sales (yuan)": "销售额（元）",
    "Share %": "占比 %",
    "Customers (count)": "客户数",
    "Average per customer (yuan)": "户均销售额（元）",
    "Total": "合计",
    "Shares are rounded to one decimal so that they add up to 100 %.": "占比保留一位小数，合计为 100%。",
    "Customers: those classified in the category, whether they bought or not.": "客户数：归入该分类的客户（无论期间内是否有交易）。",
    "Rank": "排名",
    "Cumulative %": "累计 %",
    "Proposed grade": "建议等级",
    "Current grade": "当前等级",
    "A up to {a} %, B up to {b} %, C the rest (also customers without sales).": "A 类累计至 {a}%，B 类至 {b}%，其余为 C 类（含期间内无销售的客户）。",
    "A: {na} customers, B: {nb}, C: {nc} ({idle} without sales).": "A 类 {na} 个客户，B 类 {nb} 个，C 类 {nc} 个（其中 {idle} 个无销售）。",
    "none": "无",
    "Grade changes if applied: {moves}": "应用后的等级变化：{moves}",
    "The first {n} of {total} customers with sales.": "有销售的 {total} 个客户中的前 {n} 个。",
    "Shares in the period: {parts}": "期间内占比：{parts}",
    "Top customers: {names}": "销售额前列的客户：{names}",
    "Top products: {names}": "销售额前列的商品：{names}",
    "{n} customers bought more than {p} % less than in the period before (a list to visit).": "{n} 个客户的销售额比上一期下降超过 {p}%（待访问名单）。",
    "Analysis": "分析",
    "sales composition, ABC grading, trend": "销售构成、ABC 分级、趋势分析",
    "file to write (xlsx or pdf)": "要写入的文件（xlsx 或 pdf）",
    "first month (2026-01)": "起始月份（如 2026-01）",
    "last month (2026-12)": "结束月份（如 2026-12）",
    "this month, quarter, year or the last 12 months (12m, the default)": "本月、本季度、本年或近 12 个月（12m，默认）",
    "scheme (grade, nature, trade_type, region…) or owner": "分类维度（grade、nature、trade_type、region…）或 owner（按推销员）",
    "ABC: A up to this cumulative %": "ABC：A 类的累计占比上限 %",
    "ABC: B up to this cumulative %": "ABC：B 类的累计占比上限 %",
    "ABC: apply the proposed grades": "ABC：应用建议的等级",
    "ABC: only say what would change": "ABC：只显示将发生的变化",
    "ABC: undo the latest grading": "ABC：撤销最近一次等级划分",
    "--apply, --dry-run and --undo belong to 'abc'": "--apply、--dry-run 和 --undo 只用于 abc",
    "Grades of {n} customers given back ({skipped} changed since, kept)": "已恢复 {n} 个客户的等级（{skipped} 个之后又被修改，保持不变）",
    "{n} customers would change grade (nothing written)": "{n} 个客户的等级将改变（未写入）",
    "{n} customers regraded in one step (undo: kehu analyse abc --undo)": "已一次性调整 {n} 个客户的等级（撤销：kehu analyse abc --undo）",
    "Say which file to write (OUT)": "请指定要写入的文件（OUT）",
    "Written: {path}": "已写入：{path}",
    "Counting the customers' sales…": "正在统计各客户的销售额…",
    "You cannot change this customer's sales": "您不能修改此客户的销售记录",
    "'{text}' is not an amount in yuan": "“{text}”不是以元为单位的金额",
    "Amounts have at most two decimals (fen)": "金额最多两位小数（分）",
    "Only a manager or an administrator can change the product list": "只有经理或管理员可以修改商品列表",
    "A product needs a name and a category": "商品需要名称和类别",
    "There is already a product named '{name}'": "已有名为“{name}”的商品",
    "The product code '{code}' is taken": "商品编码“{code}”已被使用",
    "Sale lines name this product: it stays in the list": "有销售记录使用此商品，不能从列表中删除",
    "This sale line no longer exists": "这条销售记录已不存在",
    "Exported the analysis ({n} rows) to {path}": "已将分析（{n} 行）导出到 {path}",
    # --- issue 15 ---
    "same name": "名称相同",
    "similar name": "名称相似",
    "short name": "简称",
    "same USCC": "统一社会信用代码相同",
    "same phone": "电话相同",
    "same address": "地址相同",
    "Comparing": "比对中",
    "score": "分数",
    "reasons": "依据",
    "Duplicates": "疑似重复",
    "find likely duplicate customers": "查找疑似重复的客户",
    "lowest score shown, 0–100 (default {score})": "显示的最低分数，0–100（默认 {score}）",
    "the xlsx file to write": "要写入的 xlsx 文件",
    "at most N pairs (0: all)": "最多 N 对（0：全部）",
    "The score is between 0 and 100.": "分数在 0 到 100 之间。",
    "Say where to write the Excel file with --output FILE.xlsx.": "请用 --output 文件.xlsx 指定 Excel 文件的位置。",
    "{count:,} pairs written to {path}": "已写入 {count:,} 对到 {path}",
    "No likely duplicates found.": "没有发现疑似重复的客户。",
    "{count:,} pairs": "{count:,} 对",
    "A customer cannot be merged with itself.": "客户不能与自己合并。",
    "A customer of this merge was erased: it cannot be undone.": "此次合并中的一个客户已被删除，无法撤销。",
    "Only active customers can be merged.": "只能合并未归档的客户。",
    "The other customer was changed meanwhile: review the merge again.": "另一客户在此期间已被修改：请重新核对合并。",
    "This merge does not exist.": "此合并记录不存在。",
    "This merge was already undone.": "此合并已撤销。",
    "{lunar} (this year {when})": "{lunar} (今年 {when})",
    "A visit cadence is between 1 and 366 days.": "访问周期在 1 到 366 天之间。",
    "This category does not exist any more.": "此分类已不存在。",
    "{lunar} ({year} {when})": "{lunar} ({year}年 {when})",
    # --- issue 17 ---
    "add kehu to the desktop's application menu (Linux; in ~/.local/share)": (
        "把客户档案加入桌面的应用程序菜单（Linux；写入 ~/.local/share）"
    ),
    "remove the menu entry, icons and metainfo": "删除菜单项、图标和应用元信息",
    "Not needed here: the installer adds kehu to the menu.": "此系统无需此操作：安装程序已把客户档案加入菜单。",
    "{n} files removed.": "已删除 {n} 个文件。",
    "{n} files written under {folder}.": "已在 {folder} 下写入 {n} 个文件。",
    "Menu entry: {path}": "菜单项：{path}",
}

# --- issue 11 ---
KEHU.update(
    {
        "This database has logins: say who you are with --user NAME (the password may come from KEHU_PASSWORD).": "此数据库需要登录：请用 --user 用户名 说明身份（密码可来自 KEHU_PASSWORD）。",
        "Consent withdrawn on": "撤回同意日期",
        "salesperson": "推销员",
        "manager": "经理",
        "administrator": "管理员",
        "your own and shared records": "自己的和共享给自己的记录",
        "your own and your team's records": "自己和下属的记录",
        "all records": "全部记录",
        "view customers": "查看客户",
        "edit customers": "修改客户",
        "archive or restore customers": "归档或恢复客户",
        "erase customers or key persons": "删除客户或联系人",
        "show sensitive fields": "显示敏感信息",
        "export customer lists": "导出客户列表",
        "export or print cards": "导出或打印档案卡",
        "import from Excel": "从 Excel 导入",
        "manage routes": "管理路线",
        "record visits": "记录访问",
        "run analyses": "进行分析",
        "edit sale lines": "修改销售明细",
        "change the classification trees": "修改分类树",
        "restore a backup": "恢复备份",
        "see the whole database's counts": "查看整个数据库的统计",
        "manage users": "管理用户",
        "change the database's settings": "修改数据库设置",
        "transfer customers to another owner": "把客户转给其他负责人",
        "share customers": "共享客户",
        "read the audit trail": "查看审计记录",
        "Sign in first: nobody may {action} without a login.": "请先登录：未登录不能{action}。",
        "This account is disabled: it may not {action}.": "此账户已停用，不能{action}。",
        "A {role} may not {action}. Ask an administrator.": "{role}无权{action}。请联系管理员。",
        "As a {role} you may {action} only for {scope}; this one is not.": "作为{role}，您只能对{scope}{action}；此项不在其中。",
        "Too many failed logins: wait {seconds} s before the next try.": "登录失败次数过多：请等待 {seconds} 秒后再试。",
        "A password needs at least {n} characters; nothing was changed.": "密码至少需要 {n} 个字符；未做任何更改。",
        "There is no user {user} in this database.": "此数据库中没有用户 {user}。",
        "The user {user} is disabled.": "用户 {user} 已停用。",
        "A user needs a user name; nothing was changed.": "用户必须有用户名；未做任何更改。",
        "Unknown role {role}; use salesperson, manager or admin.": "未知角色 {role}；可用 salesperson（推销员）、manager（经理）或 admin（管理员）。",
        "The user name {user} is taken; nothing was changed.": "用户名 {user} 已被占用；未做任何更改。",
        "This is the first password in this database: from now on everyone logs in. Set your own password in the same step; nothing was changed.": "这是此数据库的第一个密码：此后每个人都需要登录。请同时设置您自己的密码；未做任何更改。",
        "{manager} works under {user}: they cannot be {user}'s manager.": "{manager} 是 {user} 的下属，不能做 {user} 的上级。",
        "You cannot disable yourself; nothing was changed.": "不能停用自己；未做任何更改。",
        "A display name cannot be empty; nothing was changed.": "显示名称不能为空；未做任何更改。",
        "You cannot take your own administrator role; nothing was changed.": "不能取消自己的管理员角色；未做任何更改。",
    }
)

# --- issue 18 ---
KEHU.update(
    {
        "{file} mixes text encodings: line {line} is UTF-8, the rest GB18030/GBK. Open it in Excel or a text editor, save it once in one encoding (CSV UTF-8) and import again.": (
            "{file} 混用了多种文本编码：第 {line} 行是 UTF-8，其余是 GB18030/GBK。请在 Excel 或文本编辑器中打开，统一另存为一种编码（CSV UTF-8）后再导入。"
        ),
        "{file} is not a readable CSV file: {error}": "{file} 不是可读取的 CSV 文件：{error}",
        "{file} is not a spreadsheet but {what}. Choose an Excel (.xlsx, .xls), OpenDocument (.ods) or .csv file.": (
            "{file} 不是电子表格，而是{what}。请选择 Excel（.xlsx、.xls）、OpenDocument（.ods）或 .csv 文件。"
        ),
        "{file} is larger than this kind of workbook may be ({limit} MB). Save it as .xlsx (or split it) and import that.": (
            "{file} 超过此类工作簿允许的大小（{limit} MB）。请另存为 .xlsx（或拆分）后再导入。"
        ),
        "{file} is not a regular file (a folder, pipe or device); choose a spreadsheet": (
            "{file} 不是普通文件（而是文件夹、管道或设备），请选择电子表格文件"
        ),
        "{file} is an Excel binary workbook (.xlsb) with a damaged package.": (
            "{file} 是 Excel 二进制工作簿（.xlsb），但文件包已损坏。"
        ),
        "an Excel 97-2003 workbook (.xls)": "Excel 97-2003 工作簿（.xls）",
        "an Excel binary workbook (.xlsb)": "Excel 二进制工作簿（.xlsb）",
        "an OpenDocument spreadsheet (.ods)": "OpenDocument 电子表格（.ods）",
        "{file} is protected with a password and cannot be read.": "{file} 受密码保护，无法读取。",
        "{file} cannot be read as {what} ({error}). Open it in Excel or WPS, save it as an Excel Workbook (.xlsx) and import that.": (
            "{file} 无法作为{what}读取（{error}）。请用 Excel 或 WPS 打开，另存为 Excel 工作簿（.xlsx）后再导入。"
        ),
        "a workbook without worksheets": "没有工作表的工作簿",
        "Key persons as contacts (vCard)": "关键人物通讯录（vCard）",
        "Exported {n} contacts to {path}": "已导出 {n} 位联系人到 {path}",
        "Unknown format '{fmt}'; choose {formats}": "未知格式“{fmt}”，可选：{formats}",
        "A CSV file holds one sheet: export persons, visits or sales as xlsx": (
            "CSV 文件只能容纳一个工作表：关键人物、访问或销售请导出为 xlsx"
        ),
        "The address code {code} of this resident ID number is not in the county list (a county created or renamed later?): please check it": (
            "该身份证号码的地址码 {code} 不在县级行政区划表中（可能是后来新设或更名的县区），请核对"
        ),
        "'{value}' is not a mobile number (11 digits starting with 1)": (
            "“{value}”不是手机号码（应为以 1 开头的 11 位数字）"
        ),
        "Columns not imported (no field matches their header): {columns}": (
            "以下列未导入（表头没有对应的字段）：{columns}"
        ),
        "A total row ({word}) was skipped": "已跳过合计行（{word}）",
        "{file} has a shared-strings table of {size} MB unpacked; at most {limit} MB can be read. Split the workbook (or save it as CSV) and import the parts.": (
            "{file} 的共享字符串表解压后有 {size} MB，最多只能读取 {limit} MB。请拆分工作簿（或另存为 CSV）后分批导入。"
        ),
        "Control characters (such as NUL or a vertical tab) were removed: Excel cannot hold them": (
            "已删除控制字符（如 NUL 或垂直制表符）：Excel 无法保存这类字符"
        ),
        "The number {value} is no possible date serial (Excel's dates run from 1 = 1900-01-01 to 2958465 = 9999-12-31)": (
            "数字 {value} 不是可能的日期序列号（Excel 日期从 1 = 1900-01-01 到 2958465 = 9999-12-31）"
        ),
        "{date} is before 1900-01-01: no real date here": "{date} 早于 1900-01-01：不是真实的日期",
        "'{value}' is a negative count": "“{value}”是负数，人数不能为负",
        "Column {column} '{header}' repeats column {earlier} '{first}' and was not imported; map it by hand if it holds something else": (
            "{column} 列“{header}”与 {earlier} 列“{first}”重复，未导入；如果它的内容不同，请手动映射"
        ),
        "The sheet '{sheet}' has a header (row {row}) but no rows under it": (
            "工作表“{sheet}”有表头（第 {row} 行），但下面没有数据行"
        ),
        "The key person {name} was imported already (same name and phone)": (
            "关键人物 {name} 已导入过（姓名和电话相同），只保存一次"
        ),
        "Write the rejected rows and warnings with --rejected FILE.xlsx": (
            "如需保存未导入的行和警告，请使用 --rejected 文件.xlsx"
        ),
        "{path} exists and was not overwritten; name a new file with --rejected": (
            "{path} 已存在，未覆盖；请用 --rejected 指定新文件名"
        ),
        " … [cut here: a cell holds {limit} characters; {n} more are in the dossier]": (
            " …［此处截断：一个单元格最多容纳 {limit} 个字符，其余 {n} 个字符见客户档案］"
        ),
        "The cell holds the Excel error {value} (a formula that failed), not a value. Correct it in the sheet and import again.": (
            "该单元格是 Excel 错误值 {value}（公式计算失败），不是数据。请在表格中更正后再导入。"
        ),
        "{n} cells beyond column ZZ were not read (no dossier field is that far right)": (
            "ZZ 列以右的 {n} 个单元格未读取（没有档案字段在那么靠右的位置）"
        ),
    }
)

# --- issue 12 ---
ZH_CN.update(
    {
        "The database cannot be written: see the status bar": "数据库无法写入：请看状态栏",
        "The database file was replaced or removed: nothing is saved; reopen it": (
            "数据库文件已被替换或删除：不再保存任何内容，请重新打开数据库"
        ),
        "read-only: saving is disabled": "只读：无法保存",
        "The database file changed": "数据库文件已变化",
    }
)
KEHU.update(
    {
        "The database '{path}' is read-only (the file's permissions, or a read-only drive or share): it is opened for reading, and nothing can be saved.": (
            "数据库“{path}”是只读的（文件权限，或只读的磁盘、共享）：已以只读方式打开，无法保存任何修改。"
        ),
        "There is no database at '{path}'. Check the path (nothing was created there); a new database is made with `kehu init` or the window's first start.": (
            "“{path}”处没有数据库。请检查路径（那里没有创建任何文件）；新数据库用 `kehu init` 或首次启动窗口创建。"
        ),
        "'{path}' is an empty file (0 bytes), not a kehu database. Choose the right file or restore the latest backup; the empty file was left as it is.": (
            "“{path}”是一个空文件（0 字节），不是客户档案数据库。请选择正确的文件或恢复最近的备份；空文件保持原样。"
        ),
        "The database file '{path}' was replaced or removed by another program (a restore, a copy, a sync client) while it was open. Nothing more is written to it; your unsaved edits are kept in the window. Reopen the database to continue.": (
            "数据库文件“{path}”在打开期间被其他程序（恢复、复制、同步软件）替换或删除。不会再向它写入任何内容；未保存的修改仍保留在窗口中。请重新打开数据库后继续。"
        ),
        "The disk is full ({free} MB free on {place}): '{path}' cannot be written. The last change was not saved and nothing half-written was kept; free some disk space and try again.": (
            "磁盘已满（{place} 上剩余 {free} MB）：无法写入“{path}”。最后的修改没有保存，也没有留下写了一半的文件；请释放磁盘空间后重试。"
        ),
    }
)

# --- issue 14 --- (the window does the whole job)
ZH_CN.update(
    {
        "Search customers": "搜索客户",
        "Customer list": "客户列表",
        "Classification trees": "分类树",
        "Open cards": "已打开的档案卡",
        "Views": "视图",
        "Card sections": "档案卡分区",
        "Day": "日期",
        "Visits due": "待访问",
        "New &database…": "新建数据库(&D)…",
        "&Open database…": "打开数据库(&O)…",
        "Open &recent": "最近打开(&R)",
        "New database": "新建数据库",
        "customers.db": "客户档案.db",
        "%1 already exists; it is opened, not replaced.": "%1 已存在：将打开它，不会覆盖。",
        "Open database": "打开数据库",
        "%1 (%2) — kehu client records": "%1（%2）— kehu 客户档案",
        "Open an existing file": "打开已有的文件",
        "Your customers are already in a kehu database file (here or on a share).": "客户已保存在一个 kehu 数据库文件中（本机或共享文件夹）。",
        "Document": "文档",
        "Preview…": "预览…",
        "Client cards": "客户档案卡",
        "Customer information form": "客户资料表",
        "Route sheet": "路序表",
        "Blank visit form": "空白访问记录表",
        "Daily visit report": "客户访问日报",
        "Monthly visit report": "客户访问月报",
        "Address labels": "地址标签",
        "Customer list (as filtered)": "客户名单（按当前筛选）",
        "The open card": "当前打开的档案卡",
        "The selected customers (%1)": "选中的客户（%1）",
        "All customers in the list (%1)": "列表中的全部客户（%1）",
        "Options": "选项",
        "Paper:": "纸张：",
        "Latest visits on a card:": "档案卡上的最近访问：",
        "Title (empty: the usual one):": "标题（留空：默认标题）：",
        "Filled in with the customers' data (else blank)": "填入客户资料（否则为空白表）",
        "Form:": "表格：",
        "Every field (not only the form's)": "全部字段（不只是表上的）",
        "Fields:": "字段：",
        "(any route)": "（任意路线）",
        "Route:": "路线：",
        "Day:": "日期：",
        "Empty rows:": "空行数：",
        "Me": "我",
        "Everyone": "所有人",
        "Salesperson:": "推销员：",
        "3 × 8 per A4 sheet": "每张 A4 3 × 8 个",
        "2 × 7 per A4 sheet": "每张 A4 2 × 7 个",
        "Label sheet:": "标签纸：",
        "Draw the label outlines": "画出标签边框",
        "Outlines:": "边框：",
        "Watermark with my name and the time": "加水印（我的名字和时间）",
        "Watermark:": "水印：",
        "Show sensitive fields unmasked (managers)": "显示敏感字段原文（仅限经理）",
        "Sensitive:": "敏感信息：",
        "&Print…": "打印(&P)…",
        "(top level)": "（顶层）",
        "Add %1 customers as stops of:": "把 %1 个客户加为以下路线的站点：",
        "Add to &route…": "加入路线(&R)…",
        "Add to route": "加入路线",
        "At the end of the route": "放在路线末尾",
        "Then order the whole route as proposed": "然后按建议顺序排列整条路线",
        "Create another region for its routes first.": "请先新建另一个区域来放它的路线。",
        "Delete region": "删除区域",
        "Delete region “%1”": "删除区域“%1”",
        "Delete region…": "删除区域…",
        "Delete the region “%1”?": "删除区域“%1”？",
        "Inside:": "上级区域：",
        "Its %1 routes go to:": "它的 %1 条路线移到：",
        "Move into:": "移到：",
        "Move region “%1”": "移动区域“%1”",
        "Move region…": "移动区域…",
        "New region": "新建区域",
        "Print route sheet…": "打印路序表…",
        "Region name": "区域名称",
        "Region name:": "区域名称：",
        "Regions and routes": "区域和路线",
        "Rename region": "重命名区域",
        "Rename region…": "重命名区域…",
        "Route": "路线",
        "Select customers in the list first.": "请先在列表中选择客户。",
        "There is no route yet: create one in Routes.": "还没有路线：请先在“路线”中新建。",
        "%1 customers added to the route “%2”": "已把 %1 个客户加入路线“%2”",
        "&Settings…": "设置(&S)…",
        "A4 (one card per page)": "A4（每页一张档案卡）",
        "A5 (compact)": "A5（紧凑）",
        "As the system": "跟随系统",
        "Card paper:": "档案卡纸张：",
        "Cards:": "档案卡：",
        "Choose file…": "选择文件…",
        "Found automatically": "自动查找",
        "General": "常规",
        "Language:": "语言：",
        "Manual": "使用说明",
        "Only TrueType fonts (.ttf, .ttc) can be embedded in a PDF; the found ones cover Chinese.": "PDF 中只能嵌入 TrueType 字体（.ttf、.ttc）；列出的字体都含中文。",
        "Open cards in their own window": "在单独的窗口中打开档案卡",
        "PDF font": "PDF 字体",
        "PDF font:": "PDF 字体：",
        "Preview:": "预览：",
        "Printing": "打印",
        "Settings": "设置",
        "The first Chinese font found": "找到的第一个中文字体",
        "The new language shows from the next start.": "新的语言将在下次启动时生效。",
        "TrueType fonts (*.ttf *.ttc)": "TrueType 字体 (*.ttf *.ttc)",
        "kehu &manual": "kehu 使用说明(&M)",
        "kehu manual": "kehu 使用说明",
        "Choose a date": "选择日期",
        "Region": "区域",
        "Rename, move or delete the chosen region": "重命名、移动或删除选中的区域",
    }
)
KEHU.update(
    {
        "Exported {n} filled forms ({pages} pages) to {path}": "已导出 {n} 份填好的资料表（{pages} 页）到 {path}",
        "Exported {n} labels ({pages} pages) to {path}": "已导出 {n} 个标签（{pages} 页）到 {path}",
        "Exported route sheets with {n} stops ({pages} pages) to {path}": "已导出路序表，共 {n} 个站点（{pages} 页）到 {path}",
        "Exported a visit report of {n} rows ({pages} pages) to {path}": "已导出访问报表，共 {n} 行（{pages} 页）到 {path}",
        "Choose another region for the routes.": "请为这些路线另选一个区域。",
        "Customers are classified in the region '{name}'; move them first.": "区域“{name}”中还有客户分类；请先把他们移走。",
        "The region '{name}' has sub-regions; move or delete them first.": "区域“{name}”有下级区域；请先移动或删除它们。",
        "The region '{name}' still has {n} routes; choose where they go.": "区域“{name}”还有 {n} 条路线；请选择把它们移到哪里。",
        "There is no such region.": "没有这个区域。",
        "local": "本机",
        "shared": "共享",
    }
)
KEHU.update({})
KEHU.update(  # issue 12: check and repair
    {
        "The database has problems: `kehu repair` rebuilds what is marked repairable.": (
            "数据库有问题：`kehu repair` 可以重建标为可修复的部分。"
        ),
        "rebuild indexes, triggers, counts and search keys": "重建索引、触发器、计数和搜索键",
        "Nothing needed rebuilding.": "没有需要重建的内容。",
        "A backup is being restored into '{path}' right now: the change was not saved. Try again in a moment (the window shows the restored data when it is done).": (
            "正在向“{path}”恢复备份：这次修改没有保存。请稍后再试（恢复完成后窗口会显示恢复的数据）。"
        ),
        "The table '{name}' is missing: its data is gone. Restore the latest backup.": (
            "缺少数据表“{name}”：其中的数据已丢失。请恢复最近的备份。"
        ),
        "The index '{name}' of the table '{table}' is missing (left out by an interrupted bulk load): searches and lists are slow.": (
            "数据表“{table}”缺少索引“{name}”（批量写入中断后遗留）：搜索和列表会变慢。"
        ),
        "The trigger '{name}' of the table '{table}' is missing (left out by an interrupted bulk load): the classification counts are no longer kept.": (
            "数据表“{table}”缺少触发器“{name}”（批量写入中断后遗留）：分类计数不再更新。"
        ),
        "Import {batch} ({file}) was interrupted: the rows of its finished parts are kept; undo it as a whole with `kehu import --undo {batch}`.": (
            "导入 {batch}（{file}）被中断：已完成部分的记录保留；可用 `kehu import --undo {batch}` 整体撤销。"
        ),
        "The file is damaged (integrity check: {detail}). Stop working in it and restore the latest good backup.": (
            "文件已损坏（完整性检查：{detail}）。请停止使用它，并恢复最近的完好备份。"
        ),
        "{count} rows point to rows that no longer exist (in: {tables}).": (
            "有 {count} 行引用了已不存在的记录（数据表：{tables}）。"
        ),
        "The schema is version {version}: open it to upgrade.": (
            "数据库结构是第 {version} 版：打开它即可升级。"
        ),
        'Import {batch} ({file}, started {started}) still says "running" but its program has stopped: it was interrupted.': (
            "导入 {batch}（{file}，开始于 {started}）仍显示“进行中”，但其程序已停止：导入被中断。"
        ),
        "{count} classification counts differ from the customers' categories: the trees show wrong numbers.": (
            "有 {count} 个分类计数与客户的分类不符：分类树显示的数字不对。"
        ),
        "{count} of {total} customers have no search keys: searching their name, pinyin, code or phone finds nothing.": (
            "{total} 个客户中有 {count} 个没有搜索键：按名称、拼音、编号或电话都搜不到。"
        ),
        "{count} customers are missing from the name index: a search for a part of their name misses them.": (
            "有 {count} 个客户不在名称索引中：搜索名称中的一部分时找不到它们。"
        ),
        "Repairing": "正在修复",
        "Created again: {names}.": "已重新创建：{names}。",
        "Classification counts counted again ({count} were wrong).": (
            "分类计数已重新统计（{count} 个有误）。"
        ),
        "Search keys computed again for {count} customers.": "已为 {count} 个客户重新计算搜索键。",
        "Imports {batches} marked interrupted (their finished parts are kept; each can be undone as a whole).": (
            "导入 {batches} 已标为中断（已完成部分保留；每个都可以整体撤销）。"
        ),
        "Indexes and triggers": "索引和触发器",
        "Classification counts": "分类计数",
        "Interrupted imports": "中断的导入",
        "Planner statistics": "查询统计信息",
    }
)
ZH_CN.update(  # issue 12: backups, restore, check and repair in the window
    {
        "Check the database": "检查数据库",
        "Repair": "修复",
        "The database is healthy.": "数据库完好。",
        "The database has problems. Repair rebuilds those it can rebuild.": (
            "数据库有问题。“修复”会重建能够重建的部分。"
        ),
        "The database has problems that need a backup: File → Restore a backup…": (
            "数据库的问题需要用备份解决：文件 → 恢复备份…"
        ),
        "%1 customers; integrity: %2": "%1 个客户；完整性：%2",
        "Nothing needed rebuilding.": "没有需要重建的内容。",
        "Restore a backup": "恢复备份",
        "Backups of %1. The one you choose is checked first; the current database is kept aside before it is replaced.": (
            "%1 的备份。所选备份会先经过检查；当前数据库在被替换之前会另存一份。"
        ),
        "Taken": "备份时间",
        "Size": "大小",
        "automatic": "自动",
        "by hand": "手动",
        "No backups yet: choose a file.": "还没有备份：请选择一个文件。",
        "Other file…": "其他文件…",
        "Restore the latest good backup": "恢复最近的完好备份",
        "%1, %2 customers (checked). The current file is kept aside.": (
            "%1，%2 个客户（已检查）。当前文件会另存一份。"
        ),
        "No good backup of this database was found.": "没有找到这个数据库的完好备份。",
        "Create a new database here": "在这里新建数据库",
        "An empty database at this path.": "在这个路径创建一个空数据库。",
        "Open another file…": "打开其他文件…",
        "Choose a database file.": "选择一个数据库文件。",
        "Quit": "退出",
        "Close kehu; nothing is changed.": "关闭客户档案，不做任何改动。",
        "&Back up now": "立即备份(&B)",
        "&Restore a backup…": "恢复备份(&R)…",
        "&Check and repair the database…": "检查并修复数据库(&C)…",
        "Backed up to %1 (verified)": "已备份到 %1（已校验）",
        "Backing up the database…": "正在备份数据库…",
        "Replace the data of %1 with the backup %2?\n\nThe current database is kept aside first (its name says before-restore); the window opens again with the restored data.": (
            "用备份 %2 替换 %1 的数据吗？\n\n当前数据库会先另存一份（文件名含 before-restore）；窗口随后用恢复的数据重新打开。"
        ),
        "Repairing the database…": "正在修复数据库…",
    }
)
ZH_CN.update(
    {
        "The database has %1 problems that can be repaired: File → Check and repair the database…": (
            "数据库有 %1 个可以修复的问题：文件 → 检查并修复数据库…"
        ),
    }
)
ZH_CN.update(
    {
        "Back up automatically (on close and while working)": "自动备份（关闭时和使用期间）",
        " h": " 小时",
        "Every:": "间隔：",
        "Keep daily backups for (days):": "每日备份保留（天）：",
        "Keep weekly backups for (weeks):": "每周备份保留（周）：",
        "Automatic backups": "自动备份",
    }
)

# --- issue 11 (users, transfer) ---
KEHU.update(
    {
        "Added {user} ({role}). Give them a password with: kehu user passwd {user}": "已添加 {user}（{role}）。用 kehu user passwd {user} 为其设置密码。",
        "New password for {user}: ": "{user} 的新密码：",
        "These users cannot log in until they have a password: {users}": "以下用户设置密码之前无法登录：{users}",
        "manage users (administrators)": "管理用户（管理员）",
        "add a user": "添加用户",
        "user name (for logging in)": "用户名（登录用）",
        "role": "角色",
        "the user's manager": "该用户的上级",
        "name shown in lists": "列表中显示的名称",
        "list the users as the manager hierarchy": "按上下级层次列出用户",
        "change a user's role, manager or display name": "修改用户的角色、上级或显示名称",
        "the user's manager ('' for none)": "该用户的上级（'' 表示无）",
        "disable a user (never deleted)": "停用用户（永不删除）",
        "enable a disabled user again": "重新启用已停用的用户",
        "set a user's password (turns logins on)": "设置用户密码（开启登录）",
        "Changed {user}.": "已修改 {user}。",
        "Disabled {user}; their records and history keep the name.": "已停用 {user}；其记录和历史仍保留此名称。",
        "Enabled {user}.": "已启用 {user}。",
        "A new password is needed: run in a terminal or set {env}.": "需要新密码：请在终端中运行或设置 {env}。",
        "Again: ": "再输入一次：",
        "The two passwords differ; nothing was changed.": "两次输入的密码不同；未做任何更改。",
        "Your own new password ({user}): ": "您自己的新密码（{user}）：",
        "Password of {user} set.": "已设置 {user} 的密码。",
        "This is the first password: from now on everyone logs in, you too.": "这是第一个密码：此后每个人都需要登录，包括您。",
        "disabled": "已停用",
        "no password": "无密码",
        "Transferring customers": "正在转移客户",
        "{user} is disabled: choose an active user.": "{user} 已停用：请选择在用的用户。",
        "Choose customers, or the user whose customers move.": "请选择客户，或选择要转出其客户的用户。",
        "Some of these customers were erased; nothing was changed.": "其中有些客户已被删除；未做任何更改。",
        "give customers to another owner (all of a user's, or by code)": "把客户转给其他负责人（某用户的全部客户，或按编号）",
        "the new owner": "新负责人",
        "all of this user's": "此用户的全部客户",
        "share customers with a colleague": "与同事共享客户",
        "allow editing too": "也允许修改",
        "take the share back": "收回共享",
        "{n} customers now belong to {user} ({routes} routes and {stops} stops went along).": "{n} 个客户已转给 {user}（随同转移 {routes} 条路线、{stops} 个站点）。",
        "{n} customers are no longer shared with {user}.": "{n} 个客户不再与 {user} 共享。",
        "{n} customers shared with {user}.": "已与 {user} 共享 {n} 个客户。",
    }
)

# --- issue 11 (window) ---
ZH_CN.update(
    {
        "Audit trail": "审计记录",
        "(everyone)": "（所有人）",
        "(all actions)": "（所有操作）",
        "customer code, e.g. KH000123": "客户编号，如 KH000123",
        "Action:": "操作：",
        "From / to:": "起止日期：",
        "Customer:": "客户：",
        "&Show": "显示(&S)",
        "Export to &Excel…": "导出到 Excel(&E)…",
        "%1 entries": "%1 条记录",
        "Export the audit trail": "导出审计记录",
        "Add user": "添加用户",
        "Change user": "修改用户",
        "User name:": "用户名：",
        "Display name:": "显示名称：",
        "Role:": "角色：",
        "Manager:": "上级：",
        "(none)": "（无）",
        "Users and rights": "用户与权限",
        "Name": "姓名",
        "User name": "用户名",
        "Role": "角色",
        "State": "状态",
        "&Add…": "添加(&A)…",
        "&Change…": "修改(&C)…",
        "&Disable": "停用(&D)",
        "Set &password…": "设置密码(&P)…",
        "&Transfer customers…": "转移客户(&T)…",
        "disabled": "已停用",
        "no password": "无密码",
        "Disable user": "停用用户",
        "Disable %1? They can no longer log in; their name stays in the history.": "停用 %1？停用后不能再登录；历史记录中仍保留其姓名。",
        "New password:": "新密码：",
        "Again:": "再输入一次：",
        "The two passwords differ; nothing was changed.": "两次输入的密码不同；未做任何更改。",
        "Password of %1": "%1 的密码",
        "Logins start now": "从现在起需要登录",
        "This is the first password: from now on everyone logs in. Set your own password too.": "这是第一个密码：此后每个人都需要登录。请同时设置您自己的密码。",
        "Your own password": "您自己的密码",
        "Transfer the customers of %1": "转移 %1 的客户",
        "New owner:": "新负责人：",
        "%1 customers now belong to %2.": "%1 个客户已转给 %2。",
        "&Office": "办公室(&O)",
        "&Users and rights…": "用户与权限(&U)…",
        "&Audit trail…": "审计记录(&A)…",
        "&Log out / switch user…": "注销/切换用户(&L)…",
        "User:": "用户：",
    }
)
KEHU.update(
    {
        "When": "时间",
        "User": "用户",
        "Action": "操作",
        "Record": "记录",
        "Summary": "摘要",
        "Details": "详情",
        "Audit trail": "审计记录",
    }
)

# --- lead: waiting for a lock ---
ZH_CN.update({"Waiting for another user to finish saving…": "正在等待其他用户保存完毕…"})

# --- issue 11 (PIPL) ---
KEHU.update(
    {
        "Personal data": "个人信息",
        "History": "历史",
        "Field": "字段",
        "Value": "值",
        "Old value": "原值",
        "New value": "新值",
    }
)

# --- lead: repair ---
KEHU.update(
    {
        "repair the database": "修复数据库",
        "Sales summaries": "销售汇总",
        "Sales summaries computed again ({tables}).": "已重新计算销售汇总（{tables}）。",
    }
)

# --- officeui (issue 11: the office in the window) ---
_OFFICEUI = {
    "%1 entries written to %2": "已将 %1 条记录写入 %2",
    "Share…": "共享…",
    "Share this customer with a colleague": "把该客户共享给同事",
    "Erase…": "彻底删除…",
    "Erase this customer for good (privacy request)": "彻底删除该客户（个人信息删除请求）",
    "Erase key person…": "彻底删除关键人物…",
    "Erase the customer %1 for good?": "彻底删除客户 %1？",
    "Erase key person": "彻底删除关键人物",
    "This key person is not saved yet: remove them instead.": "该关键人物尚未保存：请直接移除。",
    "Save or discard the changes of this card first.": "请先保存或放弃该档案卡的修改。",
    "Erase the key person %1 for good?": "彻底删除关键人物 %1？",
    "Customer erased": "客户已删除",
    "Key persons without consent": "未同意的关键人物",
    "Key persons whose consent to keep their personal data is missing or was withdrawn "
    "(PIPL). Open one to record the consent, or erase the person.": (
        "保存其个人信息未取得同意或已撤回同意的关键人物（个人信息保护法）。"
        "打开一位以记录同意，或删除该人物。"
    ),
    "Consent": "同意",
    "&Open key person…": "打开关键人物(&O)…",
    "withdrawn on %1": "%1 已撤回",
    "missing": "缺失",
    "%1 key persons": "%1 位关键人物",
    "Erase for good": "彻底删除",
    "The customer, its key persons, visits, sales lines and the whole change history are "
    "deleted and their pages overwritten. Only the audit entry (who, when, why) stays.": (
        "该客户及其关键人物、访问记录、销售明细和全部修改历史将被删除，所在页面被覆盖。"
        "只保留审计记录（谁、何时、为何）。"
    ),
    "The key person and every history entry of their values are deleted and their pages "
    "overwritten. Only the audit entry (who, when, why) stays.": (
        "该关键人物及其各项信息的全部历史将被删除，所在页面被覆盖。只保留审计记录（谁、何时、为何）。"
    ),
    "e.g. deletion request of 2026-12-01": "例如：2026-12-01 的删除请求",
    "Reason:": "原因：",
    "I understand that this cannot be undone": "我明白此操作无法撤销",
    "&Erase": "彻底删除(&E)",
    "Copy of personal data…": "个人信息副本…",
    "Everything stored about this person, with its history (Excel or PDF)": (
        "该人物的全部存储信息及其历史（Excel 或 PDF）"
    ),
    "Copy of personal data": "个人信息副本",
    "personal data %1.xlsx": "个人信息 %1.xlsx",
    "Written to %1. Making it is recorded in the audit log.": "已写入 %1。此操作已记入审计日志。",
    "Share customers": "共享客户",
    "One customer": "一个客户",
    "%1 selected customers": "已选 %1 个客户",
    "Shared with": "共享给",
    "May": "权限",
    "Not shared with anyone.": "未与任何人共享。",
    "Take the share &back": "收回共享(&B)",
    "Share with a colleague": "共享给同事",
    "Read only": "只读",
    "Read and edit": "可读可改",
    "&Share": "共享(&S)",
    "Colleague:": "同事：",
    "May:": "权限：",
    "read and edit": "可读可改",
    "read": "只读",
    "Shared with %1.": "已共享给 %1。",
    "%1 no longer sees these customers through a share.": "%1 不再通过共享看到这些客户。",
    "Transfer customers": "转移客户",
    "%1 selected customers get a new owner. Their route stops and planned visits move with "
    "them; each keeps a history entry.": (
        "所选的 %1 个客户将更换负责人。其路线站点和计划访问随之转移；每个客户都保留一条历史记录。"
    ),
    "&Transfer": "转移(&T)",
    "New owner:": "新负责人：",
    "Key persons without &consent…": "未同意的关键人物(&C)…",
    "&Transfer selected to…": "将所选客户转给(&T)…",
    "S&hare selected…": "共享所选客户(&H)…",
    "&Erase customer (privacy request)…": "删除客户（个人信息删除请求）(&E)…",
    "Erase customer": "彻底删除客户",
    "Select customers in the list first.": "请先在列表中选择客户。",
    "%1 customers now belong to %2.": "%1 个客户现在归 %2 负责。",
    "Transferring %1 customers…": "正在转移 %1 个客户…",
    # audit trail actions (kehu.core.audit_actions)
    "Logged in": "登录",
    "Failed login": "登录失败",
    "User added": "添加用户",
    "User changed": "修改用户",
    "User disabled": "停用用户",
    "User enabled": "启用用户",
    "Password set": "设置密码",
    "Customer created": "新建客户",
    "Customer changed": "修改客户",
    "Customer archived": "归档客户",
    "Customer restored from the archive": "从归档恢复客户",
    "Key person erased": "删除关键人物",
    "Customer anonymised": "客户匿名化",
    "Key person anonymised": "关键人物匿名化",
    "Sensitive field shown": "查看敏感字段",
    "Copy of personal data made": "生成个人信息副本",
    "Customers merged": "合并客户",
    "Merge undone": "撤销合并",
    "Customers transferred": "转移客户",
    "Customers shared": "共享客户",
    "Share taken back": "收回共享",
    "Customers classified": "客户分类",
    "Classification undone": "撤销分类",
    "Category added": "添加分类",
    "Category renamed": "重命名分类",
    "Category moved": "移动分类",
    "Categories merged": "合并分类",
    "Category deleted": "删除分类",
    "ABC grades applied": "应用 ABC 等级",
    "ABC grades undone": "撤销 ABC 等级",
    "Excel import": "Excel 导入",
    "Import undone": "撤销导入",
    "Customer form received": "收到客户资料表",
    "Customer form reviewed": "审核客户资料表",
    "Export": "导出",
    "Print": "打印",
    "Audit trail exported": "导出审计记录",
    "Route created": "新建路线",
    "Route changed": "修改路线",
    "Route deleted": "删除路线",
    "Stops added to a route": "添加路线站点",
    "Stops removed from a route": "移除路线站点",
    "Route stops reordered": "调整路线顺序",
    "Visit recorded": "记录访问",
    "Visit changed": "修改访问",
    "Visit deleted": "删除访问",
    "Sale line added": "添加销售明细",
    "Sale line changed": "修改销售明细",
    "Sale line deleted": "删除销售明细",
    "Product added": "添加商品",
    "Product changed": "修改商品",
    "Product deleted": "删除商品",
    "Backup": "备份",
    "Backup restored": "恢复备份",
    "Database repaired": "修复数据库",
    "Demo data filled in": "填入演示数据",
    "Settings changed": "修改设置",
}
ZH_CN.update({k: v for k, v in _OFFICEUI.items() if k not in ZH_CN})
KEHU.update({k: v for k, v in _OFFICEUI.items() if k not in KEHU})
# --- care: care by grade from the window (issue 15, points 4 and 2) ---
KEHU.update(
    {
        "Birthday calendar": "生日历法",
        "Solar calendar": "公历",
        "Lunar calendar (农历)": "农历",
    }
)
ZH_CN.update(
    {
        "A lunar birthday comes on another solar day every year": "农历生日每年落在不同的公历日期",
    }
)
ZH_CN.update(
    {
        "Visit cadence by grade": "按等级的拜访周期",
        "Visit &cadence by grade…": "按等级的拜访周期(&C)…",
        "Visit cadence by grade…": "按等级的拜访周期…",
        "Customers of a grade not visited within its cadence are listed as overdue on the Today panel and can be marked on route sheets.": "超过其等级拜访周期仍未拜访的客户，会在“今日”面板中列为逾期，也可在路序表上标出。",
        "none": "不定期",
        " days": " 天",
        "The grade scheme has no categories.": "客户等级维度下没有分类。",
        "Only managers and administrators change the cadence.": "只有经理和管理员可以修改拜访周期。",
        "Defaults (A 7, B 14, C 30)": "默认值（A 7天，B 14天，C 30天）",
        "only the day itself": "仅当天",
        "Remind of birthdays and anniversaries ahead": "提前提醒生日和纪念日",
        "Birthdays and anniversaries ahead:": "生日和纪念日提前：",
        "Notify me once a day of today's birthdays and overdue A customers": "每天通知一次当天的生日和逾期未访的 A 类客户",
        "Visits:": "拜访：",
        "Care": "客户关怀",
        "Birthdays in the next {n} days": "未来 {n} 天内的生日",
        "Birthdays today": "今天的生日",
        "kehu: care for today": "kehu：今日客户关怀",
        "Birthdays today: %1": "今天生日：%1",
        "%1 A customers overdue for a visit: %2": "%1 个 A 类客户拜访逾期：%2",
    }
)
KEHU.update(
    {
        "overdue is one of {choices}, not '{value}'": "overdue 只能是 {choices} 之一，不能是“{value}”",
        "{grade}: never visited (every {days} days)": "{grade}：从未拜访（每 {days} 天）",
        "{grade}: {n} days overdue (every {days} days)": "{grade}：逾期 {n} 天（每 {days} 天）",
        "Only the stops overdue by their grade's visit cadence, by grade and days": "只列出超过等级拜访周期的站点，按等级和逾期天数排列",
    }
)
ZH_CN.update(
    {
        "All stops": "全部站点",
        "All stops, overdue ones marked": "全部站点，标出逾期的",
        "Only overdue stops, by grade and days": "只列逾期站点（按等级和天数）",
        "Overdue: not visited within the grade's visit cadence": "逾期：超过等级拜访周期未拜访",
        "Overdue by cadence:": "按周期逾期：",
    }
)
ZH_CN.update(
    {
        "Merged into %1": "已合并到 %1",
        "Merged into this customer: %1": "已合并到本客户：%1",
        "its owner": "其负责人",
        "a customer you cannot see (ask %1)": "一个您无权查看的客户（请询问 %1）",
    }
)
ZH_CN.update({"{n} overdue by visit cadence.": "{n} 个超过拜访周期。"})
ZH_CN.update(
    {
        "Undo this merge…": "撤销这次合并…",
        "Make this customer active again with its key persons, visits and sales, and give the kept customer its earlier values?": "恢复这个客户及其关键人物、访问记录和销售记录，并把保留的客户改回合并前的内容？",
    }
)

# --- lead: issue 18, customer notes and filing date ---
KEHU.update({"Filed on": "建档日期"})

# --- catkeys: built-in categories in the reader's language, the CLI in one language ---
KEHU.update(
    {
        "ok": "正常",
        "create missing categories (a path such as East/Shanghai is found and created level "
        "by level)": "自动创建缺少的分类（“华东/上海”按层级查找和创建）",
        "usage: ": "用法：",
        "positional arguments": "位置参数",
        "options": "选项",
        "show this help message and exit": "显示本帮助并退出",
        "show program's version number and exit": "显示版本号并退出",
        "%(prog)s: error: %(message)s\n": "%(prog)s：错误：%(message)s\n",
        "the following arguments are required: %s": "缺少以下参数：%s",
        "unrecognized arguments: %s": "无法识别的参数：%s",
        "invalid choice: %(value)r (choose from %(choices)s)": (
            "无效的选项：%(value)r（可选：%(choices)s）"
        ),
        "argument %(argument_name)s: %(message)s": "参数 %(argument_name)s：%(message)s",
        "invalid %(type)s value: %(value)r": "无效的 %(type)s 值：%(value)r",
        "expected one argument": "需要一个参数值",
        "one of the arguments %s is required": "必须给出参数 %s 之一",
        "not allowed with argument %s": "不能与参数 %s 同时使用",
        "ambiguous option: %(option)s could match %(matches)s": (
            "选项不明确：%(option)s 可匹配 %(matches)s"
        ),
    }
)

# --- dupspeed: stored duplicate keys ---
KEHU.update(
    {
        "Duplicate keys": "查重键",
        "{count} customers have no duplicate keys: the duplicate check while typing and the "
        "duplicate scan miss them.": "{count} 个客户没有查重键：输入时的重复提示和查重扫描都会漏掉它们。",
    }
)

# --- complete: dossier completeness (档案健全度, issue 15 point 5) ---
ZH_CN.update(
    {
        "Completeness": "健全度",
        "Completeness below": "健全度低于",
        "Completeness threshold": "健全度阈值",
        "Dossier completeness": "档案健全度",
        "Go to this field": "转到该项",
        "Missing items": "缺少的项目",
        "Missing (%1):": "缺少（%1 项）：",
        "Nothing missing": "档案完整，无缺项",
        "Show only the dossiers that are less complete than this": "只显示健全度低于该值的档案",
    }
)
KEHU.update(
    {
        "Dossier completeness": "档案健全度",
        "Average completeness %": "平均健全度 %",
        "Below {low} %": "低于 {low} %",
        "Below {low} %: {n} of {total} customers": "低于 {low} %：{total} 个客户中有 {n} 个",
        "Share below {low} %": "低于 {low} % 的占比",
        "Not computed yet": "尚未计算",
        "not computed yet": "尚未计算",
        "Computing completeness": "正在计算档案健全度",
        "Completeness computed again for {count} customers.": "已重新计算 {count} 个客户的档案健全度。",
        "{n} customers have no completeness yet (being computed; or kehu repair).": "{n} 个客户尚无健全度（正在计算；或运行 kehu repair）。",
        "{count} customers have no completeness yet: the window computes it in the background, `kehu repair` at once.": "{count} 个客户尚无健全度：窗口会在后台计算，`kehu repair` 立即计算。",
        "Active customers; the score weighs the key items more, and a prospective customer (未来客户) is measured on the basic data only.": "统计正常状态的客户；关键项目权重更高，未来客户只按基础资料计算。",
        "Salesperson": "推销员",
        "sales composition, ABC grading, trend, dossier completeness": "销售构成、ABC 分级、趋势、档案健全度",
    }
)

# --- office (issue 11: services, CLI, PIPL copy, settings) ---
KEHU.update(
    {
        "make a copy of a person's personal data": "制作个人信息副本",
        "Copy of personal data": "个人信息副本",
        "Key person: {name}": "关键人物：{name}",
        "Made on {when} by {user}, from the dossier of {customer}.": (
            "由{user}于{when}根据客户{customer}的档案制作。"
        ),
        "Recorded on": "录入时间",
        "Last changed on": "最后修改时间",
        "Changed by": "修改人",
        "Uses of the dossier": "档案使用记录",
        "personal data: consent list, a person's copy (administrators)": (
            "个人信息：同意情况清单、个人信息副本（管理员）"
        ),
        "key persons whose consent is missing or withdrawn": "缺少或已撤回同意的关键人物",
        "the key persons of a customer, with their ids": "客户的关键人物及其编号",
        "a copy of everything stored about one key person": "某关键人物全部已存信息的副本",
        "the key person's id": "关键人物编号",
        "the file to write": "要写入的文件",
        "withdrawn on {date}": "已于{date}撤回",
        "no consent recorded": "未记录同意",
        "{n} key persons without valid consent.": "{n}位关键人物没有有效的同意。",
        "Wrote the copy of personal data to {path}": "个人信息副本已写入{path}",
        "read the audit trail (administrators; managers their team's)": (
            "查看审计记录（管理员；经理查看本团队的）"
        ),
        "only this user's": "仅此用户的",
        "only this action (login, export, transfer…)": "仅此操作（登录、导出、转移……）",
        "only this customer's": "仅此客户的",
        "at most N (200)": "最多 N 条（200）",
        "write the entries to this .xlsx": "将记录写入此 .xlsx 文件",
        "Wrote {n} audit entries to {path}": "已将 {n} 条审计记录写入 {path}",
        "This key person does not exist any more.": "此关键人物已不存在。",
    }
)

# --- lead: selections by code ---
KEHU.update(
    {
        "No customer you may see has the code {codes}; nothing was done.": (
            "没有您可查看的客户编号为 {codes}；未做任何更改。"
        ),
    }
)

# --- lead: audit detail keys ---
KEHU.update(
    {
        "accepted": "已接受",
        "added": "添加",
        "may edit": "可编辑",
        "changed": "变更",
        "created": "新建",
        "customers": "客户",
        "customers selected": "选中客户数",
        "date": "日期",
        "display name": "显示名",
        "fields": "字段",
        "file": "文件",
        "file SHA-256": "文件 SHA-256",
        "filter": "筛选",
        "first": "首次",
        "forced": "强制",
        "format": "格式",
        "from user": "原用户",
        "history": "历史",
        "ids": "编号",
        "kind": "类型",
        "sale line": "销售明细",
        "manager": "经理",
        "merge": "合并",
        "moved": "移动",
        "moved from": "移自",
        "new": "新值",
        "new parent": "新上级",
        "old": "旧值",
        "old parent": "原上级",
        "owners": "负责人",
        "pages": "页数",
        "path": "路径",
        "key person": "关键人物",
        "key persons": "关键人物",
        "reason": "原因",
        "rejected": "拒绝",
        "removed": "移除",
        "restored": "已恢复",
        "sensitive fields shown": "显示敏感字段",
        "review": "审核",
        "role": "角色",
        "routes": "路线",
        "routes moved": "移动的路线",
        "rows": "行数",
        "sale lines": "销售明细",
        "scheme": "分类方案",
        "seed": "种子",
        "selection": "选择范围",
        "skipped": "跳过",
        "source": "来源",
        "status": "状态",
        "stops": "站点",
        "summary": "摘要",
        "thresholds": "阈值",
        "throttled": "已限流",
        "updated": "更新",
        "version": "版本",
        "visit": "拜访",
        "visit every (days)": "拜访周期（天）",
        "visits": "拜访",
        "watermark": "水印",
        "user": "用户",
        "action": "操作",
        "from": "起",
        "to": "止",
        "customer code": "客户编号",
        "reviews": "待审核",
        "sheet": "工作表",
        "unchanged": "未变",
        "warnings": "警告",
        "yes": "是",
        "no": "否",
    }
)

# --- lead: upgrade on open ---
ZH_CN.update(
    {
        "Upgrading %1 to this version of kehu…\nA backup copy is made first. "
        "A large file takes a minute or two.": (
            "正在将 %1 升级到此版本的 kehu……\n会先做一份备份。大文件需要一两分钟。"
        ),
    }
)

# --- lead: chart units ---
ZH_CN.update({"10,000 yuan": "万元"})
ZH_CN.update({"Rank": "排名"})

# --- today ---
ZH_CN.update(
    {
        "… and {n} more — show all": "… 还有 {n} 个 — 全部显示",
        "Double-click to see all {n} rows": "双击查看全部 {n} 行",
        "Previous page": "上一页",
        "Next page": "下一页",
        "{first}–{last} of {total}": "{first}–{last} / 共 {total}",
    }
)
KEHU.update(
    {
        "The Today panel's keys computed again ({count} were wrong).": (
            "已重新计算今日面板的索引数据（{count} 条有误）。"
        ),
        "Today panel keys": "今日面板索引数据",
    }
)

# --- ximport ---
KEHU.update(
    {
        "Building indexes": "正在建立索引",
    }
)

# --- pinyin ---
KEHU.update(
    {
        "{count} customers have no pinyin sort key: a list sorted by name shows them first.": (
            "{count} 个客户没有拼音排序键：按名称排序的列表会把它们排在最前面。"
        ),
    }
)

# --- pg ---
KEHU.update(
    {
        "The database server '{path}' cannot be reached or refused the connection. Check the "
        "address, the database name, the user and the password, and that the server runs.": (
            "无法连接数据库服务器“{path}”，或服务器拒绝了连接。请检查地址、数据库名、用户和密码，"
            "以及服务器是否在运行。"
        ),
        "Opening the server database '{path}' needs the PostgreSQL driver, which is not "
        'installed: install it with  pip install "kehu[server]"': (
            '打开服务器数据库“{path}”需要 PostgreSQL 驱动，但尚未安装：请用  pip install "kehu[server]"  安装'
        ),
        "Copying tables": "正在复制数据表",
        "The copy differs from the original in: {tables}. Do not use it.": (
            "副本与原数据库不一致：{tables}。请不要使用该副本。"
        ),
        "The server database {url} is not empty: move a file into a new, empty "
        "database (nothing was changed).": (
            "服务器数据库 {url} 不是空的：请把文件迁移到一个新的空数据库（未做任何更改）。"
        ),
        "{path} exists already: choose a new file (nothing was changed).": (
            "{path} 已存在：请选择一个新文件（未做任何更改）。"
        ),
        "the server database's address: postgresql://user@host:port/name": (
            "服务器数据库的地址：postgresql://用户@主机:端口/数据库名"
        ),
        "set up a server database, or move a database to or from a server": (
            "建立服务器数据库，或在文件与服务器之间迁移数据库"
        ),
        "set up a server database: schema, roles, row-level security (administrator)": (
            "建立服务器数据库：表结构、角色、行级安全（管理员）"
        ),
        "copy a database file to an empty server database, verified": (
            "把数据库文件复制到空的服务器数据库，并核对"
        ),
        "the database file": "数据库文件",
        "copy a server database into a new database file, verified": (
            "把服务器数据库复制为新的数据库文件，并核对"
        ),
        "the new database file": "新的数据库文件",
        "{url} is ready (schema {version}, row-level security on); {role} administers it.": (
            "{url} 已就绪（表结构版本 {version}，行级安全已开启）；由 {role} 管理。"
        ),
        "Copied {rows} rows of {tables} tables to {where}; counts and checksums agree.": (
            "已将 {tables} 个数据表的 {rows} 行复制到 {where}；行数和校验和一致。"
        ),
    }
)
KEHU.update(
    {
        "Backing up a server database needs PostgreSQL's pg_dump, which is not installed here: "
        "install the PostgreSQL client tools, or run pg_dump on the server (docs/SERVER.md).": (
            "备份服务器数据库需要 PostgreSQL 的 pg_dump，但本机没有安装：请安装 PostgreSQL 客户端工具，"
            "或在服务器上运行 pg_dump（见 docs/SERVER.md）。"
        ),
        "pg_dump could not back up the server database: {detail}": (
            "pg_dump 无法备份服务器数据库：{detail}"
        ),
    }
)
KEHU.update(
    {
        "Database moved to a server": "数据库已迁移到服务器",
        "Server database copied to a file": "服务器数据库已复制为文件",
    }
)
ZH_CN.update(  # issue 16: the main window on a server database
    {
        "Server database: %1 · user %2": "服务器数据库：%1 · 用户 %2",
        "Server database: %1 · the connection was lost; reconnecting…": (
            "服务器数据库：%1 · 与服务器的连接已断开，正在重新连接…"
        ),
        "Connected to the database server again": "已重新连接到数据库服务器",
        "Writes a backup of the server database with PostgreSQL's pg_dump": (
            "用 PostgreSQL 的 pg_dump 备份服务器数据库"
        ),
        "A server database is restored on the server with pg_restore (docs/SERVER.md), not "
        "from the window": "服务器数据库要由管理员在服务器上用 pg_restore 恢复（见 docs/SERVER.md），不在窗口中恢复",
        "%1 customers; the server keeps its files consistent": "%1 个客户；文件的一致性由服务器保证",
    }
)
KEHU.update(  # issue 16: the main window on a server database
    {
        "server": "服务器",
        "The connection to the database server '{path}' was lost: this was not saved, and "
        "your unsaved edits are kept in the window. kehu connects again by itself: when the "
        "server is back, try again (View → Refresh shows the latest data).": (
            "与数据库服务器“{path}”的连接已断开：这次没有保存，未保存的修改仍保留在窗口中。"
            "kehu 会自动重新连接：服务器恢复后请再试一次（“视图 → 刷新”显示最新数据）。"
        ),
        "A server database is not restored from kehu: an administrator restores a pg_dump backup "
        "on the server with PostgreSQL's pg_restore (docs/SERVER.md, Backups). kehu's restore "
        "puts a backup in place of a database file.": (
            "服务器数据库不在 kehu 中恢复：由管理员在服务器上用 PostgreSQL 的 pg_restore 恢复 pg_dump 备份"
            "（见 docs/SERVER.md“备份”一节）。kehu 的恢复功能用于把备份放回数据库文件。"
        ),
        "Automatic backups copy a database file; a server database is backed up on the server "
        "(pg_dump every night: docs/SERVER.md, Backups). File → Back up now writes a pg_dump "
        "backup from here.": (
            "自动备份复制的是数据库文件；服务器数据库在服务器上备份（每晚运行 pg_dump，见 docs/SERVER.md"
            "“备份”一节）。“文件 → 立即备份”可以从本机写一份 pg_dump 备份。"
        ),
        "A server database has no file mode (local or shared): the server keeps its own files "
        "and journal.": "服务器数据库没有文件模式（本机或共享）：文件和日志由服务器自己管理。",
        "A server database: the server keeps its own files consistent (its write-ahead log, "
        "foreign keys checked at every statement; pg_amcheck on the server checks its files), so "
        "no integrity or foreign-key check and no index or trigger check runs here (DDL is rolled "
        "back with an interrupted load). kehu's own checks (search keys, counts, imports) ran.": (
            "这是服务器数据库：文件的一致性由服务器保证（预写日志、每条语句都检查外键；可在服务器上用 "
            "pg_amcheck 检查文件），因此这里不做完整性、外键、索引和触发器检查（中断的批量导入会连同表结构"
            "改动一起回滚）。kehu 自己的检查（搜索键、计数、导入）已运行。"
        ),
    }
)
ZH_CN.update(  # issue 16: a server that cannot be reached at start
    {
        "Connect again": "重新连接",
        "When the server runs again or the network is back.": "服务器重新运行或网络恢复后再连接。",
    }
)
ZH_CN.update(  # issue 16: opening a server database from the window
    {
        "Open a server database": "打开服务器数据库",
        "A kehu database on the office's PostgreSQL server. Your user name and password are "
        "the ones the administrator gave you for kehu.": (
            "办公室 PostgreSQL 服务器上的 kehu 数据库。用户名和密码是管理员为您在 kehu 中设置的。"
        ),
        "e.g. server or 192.168.1.10": "例如 server 或 192.168.1.10",
        "Encrypted when the server offers it": "服务器支持时加密",
        "Always encrypted": "始终加密",
        "Always encrypted, and the server's certificate checked": "始终加密，并核验服务器证书",
        "How the connection is protected (TLS). Ask the administrator; checking the "
        "certificate needs the office's certificate on this computer (docs/SERVER.md).": (
            "连接的保护方式（TLS）。请询问管理员；核验证书需要本机装有办公室的证书（见 docs/SERVER.md）。"
        ),
        "Server:": "服务器：",
        "Port:": "端口：",
        "Database:": "数据库：",
        "Encryption:": "加密：",
        "Connect": "连接",
        "Enter the server, the database and your user name.": "请填写服务器、数据库和您的用户名。",
        "Connecting…": "正在连接…",
        "Open &server database…": "打开服务器数据库(&S)…",
        "%1 (server) — kehu client records": "%1（服务器）— kehu 客户档案",
        "server": "服务器",
    }
)
KEHU.update(  # issue 16: why a server refused the connection
    {
        "The database server '{path}' does not answer. Check the server's name or address "
        "and port, that the server runs, and that this computer may reach it (network, "
        "firewall).": (
            "数据库服务器“{path}”没有响应。请检查服务器的名称或地址和端口、服务器是否在运行，"
            "以及本机能否连到它（网络、防火墙）。"
        ),
        "The database server '{path}' did not accept the user name or the password. Check "
        "both: they are the ones the administrator gave you for this database.": (
            "数据库服务器“{path}”不接受该用户名或密码。请检查两者：它们是管理员为您在这个数据库中设置的。"
        ),
        "The database server '{path}' needs the password of this user: enter it.": (
            "数据库服务器“{path}”需要该用户的密码：请输入。"
        ),
        "The server of '{path}' has no database of that name. Check the database name, or "
        "ask the administrator to create it (docs/SERVER.md).": (
            "“{path}”所在的服务器上没有这个名称的数据库。请检查数据库名称，或请管理员创建它"
            "（见 docs/SERVER.md）。"
        ),
        "The server database '{path}' needs PostgreSQL's pg_trgm extension (for searching "
        "parts of names), which the server does not have. Ask the administrator to install "
        "it (Debian: the postgresql-contrib package; Windows: part of the installer).": (
            "服务器数据库“{path}”需要 PostgreSQL 的 pg_trgm 扩展（用于按名称的一部分搜索），"
            "但服务器上没有。请管理员安装它（Debian：postgresql-contrib 软件包；Windows：安装程序自带）。"
        ),
        "The login '{role}' is not a user of the kehu database '{path}'. Log in with your "
        "kehu user name, or ask the administrator to add you (Office → Users and rights).": (
            "登录名“{role}”不是 kehu 数据库“{path}”的用户。请用您的 kehu 用户名登录，"
            "或请管理员添加您（办公室 → 用户与权限）。"
        ),
    }
)

# Lead, session 5: server logins of Chinese user names, --user on a server.
KEHU.update(
    {
        "The server already has a login named {role} (the login of user name {user}): "
        "choose another user name; nothing was changed.": (
            "服务器上已有名为 {role} 的登录名（即用户名 {user} 对应的登录名）：请另选一个用户名；未做任何更改。"
        ),
        "On a server you act as the user of your login ({login}), not as {user}: log in as "
        "{user} instead (postgresql://{user}@…).": (
            "在服务器上，您以登录名对应的用户（{login}）操作，而不是 {user}：请改用 {user} 登录"
            "（postgresql://{user}@…）。"
        ),
    }
)

ZH_CN.update(  # issue 16: File → Move to a server…, Save a copy as a file…
    {
        "&Move to a server…": "迁移到服务器(&M)…",
        "Save a &copy as a file…": "另存副本为文件(&C)…",
        "The database file is gone or was replaced: open it again first.": (
            "数据库文件已不存在或已被替换：请先重新打开它。"
        ),
        "This database is on a server already.": "此数据库已在服务器上。",
        "This database is a file already: File → Back up now copies it.": (
            "此数据库本身就是文件：用“文件 → 立即备份”即可复制它。"
        ),
        "Copies this database into an empty database on a PostgreSQL server, checks the copy "
        "and opens it there; the file stays as it is": (
            "把此数据库复制到 PostgreSQL 服务器上的一个空数据库，核对副本后在那里打开；原文件保持不变"
        ),
        "Copies this server database into a new database file, checked": (
            "把此服务器数据库复制到一个新的数据库文件，并加以核对"
        ),
        "Move this database to a server": "将数据库迁移到服务器",
        "Every dossier, user and record of this file is copied into an empty database on the "
        "office's PostgreSQL server and checked table by table; then kehu opens it there. The "
        "file stays as it is. Log in as the server database's owner (the administrator who "
        "created it).": (
            "此文件中的全部档案、用户和记录将复制到办公室 PostgreSQL 服务器上的一个空数据库，"
            "并逐表核对；然后客户档案在那里打开它。原文件保持不变。请以该服务器数据库的所有者"
            "（创建它的管理员）登录。"
        ),
        "Move here": "迁移到此处",
        "Moved to the server": "已迁移到服务器",
        "kehu opens the server database now. Ask the others in the office to open it too "
        "(File → Open server database…): the file no longer receives their work.": (
            "客户档案现在打开服务器数据库。请办公室的其他人也打开它（文件 → 打开服务器数据库…）："
            "此后他们的工作不再写入原文件。"
        ),
        "Moving the database to the server…": "正在把数据库迁移到服务器…",
        "Save a copy as a file": "另存副本为文件",
        "Copy saved": "副本已保存",
        "Open it with File → Open database… (this window stays on the server).": (
            "可用“文件 → 打开数据库…”打开它（本窗口仍连接服务器）。"
        ),
        "Copying the server database into a file…": "正在把服务器数据库复制到文件…",
        "Nobody logs in to this database yet: Office → Users gives passwords": (
            "此数据库尚无人需要登录：在“办公室 → 用户与权限”中设置密码后即可注销/切换用户"
        ),
    }
)
