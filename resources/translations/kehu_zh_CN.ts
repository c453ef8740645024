<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AddToRoute</name>
    <message>
        <source>Add to route</source>
        <translation>加入路线</translation>
    </message>
    <message>
        <source>Select customers in the list first.</source>
        <translation>请先在列表中选择客户。</translation>
    </message>
    <message>
        <source>There is no route yet: create one in Routes.</source>
        <translation>还没有路线：请先在“路线”中新建。</translation>
    </message>
    <message>
        <source>%1 customers added to the route “%2”</source>
        <translation>已把 %1 个客户加入路线“%2”</translation>
    </message>
</context>
<context>
    <name>AddToRouteDialog</name>
    <message>
        <source>Add to route</source>
        <translation>加入路线</translation>
    </message>
    <message>
        <source>Add %1 customers as stops of:</source>
        <translation>把 %1 个客户加为以下路线的站点：</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>Route:</source>
        <translation>路线：</translation>
    </message>
    <message>
        <source>At the end of the route</source>
        <translation>放在路线末尾</translation>
    </message>
    <message>
        <source>Then order the whole route as proposed</source>
        <translation>然后按建议顺序排列整条路线</translation>
    </message>
</context>
<context>
    <name>AnalysisChart</name>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>10,000 yuan</source>
        <translation>万元</translation>
    </message>
</context>
<context>
    <name>AnalysisView</name>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Sales composition</source>
        <translation>销售构成</translation>
    </message>
    <message>
        <source>Product composition</source>
        <translation>商品构成</translation>
    </message>
    <message>
        <source>ABC grading</source>
        <translation>ABC 分级</translation>
    </message>
    <message>
        <source>Sales trend</source>
        <translation>销售趋势</translation>
    </message>
    <message>
        <source>Dossier completeness</source>
        <translation>档案健全度</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>From – to</source>
        <translation>起止月份</translation>
    </message>
    <message>
        <source>A up to</source>
        <translation>A 类至</translation>
    </message>
    <message>
        <source>B up to</source>
        <translation>B 类至</translation>
    </message>
    <message>
        <source>Apply grades…</source>
        <translation>应用等级…</translation>
    </message>
    <message>
        <source>Undo grading</source>
        <translation>撤销等级划分</translation>
    </message>
    <message>
        <source>Excel…</source>
        <translation>Excel…</translation>
    </message>
    <message>
        <source>PDF…</source>
        <translation>PDF…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>按</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>From month</source>
        <translation>起始月份</translation>
    </message>
    <message>
        <source>To month</source>
        <translation>结束月份</translation>
    </message>
    <message>
        <source>Chart</source>
        <translation>图表</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No customer would change grade.</source>
        <translation>没有客户的等级会改变。</translation>
    </message>
    <message>
        <source>Apply the proposed grades to {n} customers in one step?</source>
        <translation>一次性为 {n} 个客户应用建议的等级？</translation>
    </message>
    <message>
        <source>Undo the grading?</source>
        <translation>撤销这次等级划分？</translation>
    </message>
    <message>
        <source>Export analysis</source>
        <translation>导出分析</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>已写入：{path}</translation>
    </message>
</context>
<context>
    <name>Application</name>
    <message>
        <source>The database is damaged</source>
        <translation>数据库已损坏</translation>
    </message>
    <message>
        <source>Creating %1 demo customers…</source>
        <translation>正在创建 %1 个演示客户…</translation>
    </message>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>About this database</source>
        <translation>关于这个数据库</translation>
    </message>
    <message>
        <source>Upgrading %1 to this version of kehu…
A backup copy is made first. A large file takes a minute or two.</source>
        <translation>正在将 %1 升级到此版本的 kehu……
会先做一份备份。大文件需要一两分钟。</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>(everyone)</source>
        <translation>（所有人）</translation>
    </message>
    <message>
        <source>(all actions)</source>
        <translation>（所有操作）</translation>
    </message>
    <message>
        <source>customer code, e.g. KH000123</source>
        <translation>客户编号，如 KH000123</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>操作：</translation>
    </message>
    <message>
        <source>From / to:</source>
        <translation>起止日期：</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>&amp;Show</source>
        <translation>显示(&amp;S)</translation>
    </message>
    <message>
        <source>Export to &amp;Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>%1 条记录</translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>%1 entries written to %2</source>
        <translation>已将 %1 条记录写入 %2</translation>
    </message>
</context>
<context>
    <name>BackupSettings</name>
    <message>
        <source>Back up automatically (on close and while working)</source>
        <translation>自动备份（关闭时和使用期间）</translation>
    </message>
    <message>
        <source> h</source>
        <translation> 小时</translation>
    </message>
    <message>
        <source>Every:</source>
        <translation>间隔：</translation>
    </message>
    <message>
        <source>Keep daily backups for (days):</source>
        <translation>每日备份保留（天）：</translation>
    </message>
    <message>
        <source>Keep weekly backups for (weeks):</source>
        <translation>每周备份保留（周）：</translation>
    </message>
</context>
<context>
    <name>CadenceDialog</name>
    <message>
        <source>Visit cadence by grade</source>
        <translation>按等级的拜访周期</translation>
    </message>
    <message>
        <source>Customers of a grade not visited within its cadence are listed as overdue on the Today panel and can be marked on route sheets.</source>
        <translation>超过其等级拜访周期仍未拜访的客户，会在“今日”面板中列为逾期，也可在路序表上标出。</translation>
    </message>
    <message>
        <source>none</source>
        <translation>不定期</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>The grade scheme has no categories.</source>
        <translation>客户等级维度下没有分类。</translation>
    </message>
    <message>
        <source>Only managers and administrators change the cadence.</source>
        <translation>只有经理和管理员可以修改拜访周期。</translation>
    </message>
    <message>
        <source>Defaults (A 7, B 14, C 30)</source>
        <translation>默认值（A 7天，B 14天，C 30天）</translation>
    </message>
</context>
<context>
    <name>CardActivity</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>推销员</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>访问记录</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售记录</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>History</source>
        <translation>修改历史</translation>
    </message>
    <message>
        <source>Category: %1</source>
        <translation>分类：%1</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Sale line</source>
        <translation>销售记录</translation>
    </message>
    <message>
        <source>Merged with</source>
        <translation>合并了</translation>
    </message>
    <message>
        <source>Merge undone</source>
        <translation>已撤销合并</translation>
    </message>
    <message>
        <source>Merged, not kept: %1</source>
        <translation>合并时未保留：%1</translation>
    </message>
</context>
<context>
    <name>CardCategories</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>CardOffice</name>
    <message>
        <source>Share…</source>
        <translation>共享…</translation>
    </message>
    <message>
        <source>Share this customer with a colleague</source>
        <translation>把该客户共享给同事</translation>
    </message>
    <message>
        <source>Erase…</source>
        <translation>彻底删除…</translation>
    </message>
    <message>
        <source>Erase this customer for good (privacy request)</source>
        <translation>彻底删除该客户（个人信息删除请求）</translation>
    </message>
    <message>
        <source>Erase key person…</source>
        <translation>彻底删除关键人物…</translation>
    </message>
    <message>
        <source>Erase the customer %1 for good?</source>
        <translation>彻底删除客户 %1？</translation>
    </message>
    <message>
        <source>Erase key person</source>
        <translation>彻底删除关键人物</translation>
    </message>
    <message>
        <source>This key person is not saved yet: remove them instead.</source>
        <translation>该关键人物尚未保存：请直接移除。</translation>
    </message>
    <message>
        <source>Save or discard the changes of this card first.</source>
        <translation>请先保存或放弃该档案卡的修改。</translation>
    </message>
    <message>
        <source>Erase the key person %1 for good?</source>
        <translation>彻底删除关键人物 %1？</translation>
    </message>
</context>
<context>
    <name>CardSaving</name>
    <message>
        <source>Not saved. Correct the fields marked in red:</source>
        <translation>未保存。请更正标红的项目：</translation>
    </message>
    <message>
        <source>Not saved: someone else changed this customer meanwhile.</source>
        <translation>未保存：在此期间有其他人修改了该客户。</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>未保存的修改</translation>
    </message>
    <message>
        <source>“%1” has unsaved changes. Save them?</source>
        <translation>“%1”有未保存的修改。要保存吗？</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>This customer was erased by someone else.</source>
        <translation>该客户已被其他人删除。</translation>
    </message>
    <message>
        <source>Someone else saved this customer while you were editing. Your changes are kept; when you save, you choose field by field whose values to keep.</source>
        <translation>在你编辑期间，其他人保存了该客户。你的修改仍然保留；保存时，你可以逐项选择保留哪一方的内容。</translation>
    </message>
</context>
<context>
    <name>CardSections</name>
    <message>
        <source>Card sections</source>
        <translation>档案卡分区</translation>
    </message>
</context>
<context>
    <name>CardTabs</name>
    <message>
        <source>Customer erased</source>
        <translation>客户已删除</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>已保存</translation>
    </message>
</context>
<context>
    <name>CareNotifier</name>
    <message>
        <source>kehu: care for today</source>
        <translation>kehu：今日客户关怀</translation>
    </message>
    <message>
        <source>Birthdays today: %1</source>
        <translation>今天生日：%1</translation>
    </message>
    <message>
        <source>%1 A customers overdue for a visit: %2</source>
        <translation>%1 个 A 类客户拜访逾期：%2</translation>
    </message>
</context>
<context>
    <name>CareSettings</name>
    <message>
        <source>only the day itself</source>
        <translation>仅当天</translation>
    </message>
    <message>
        <source> days</source>
        <translation> 天</translation>
    </message>
    <message>
        <source>Remind of birthdays and anniversaries ahead</source>
        <translation>提前提醒生日和纪念日</translation>
    </message>
    <message>
        <source>Birthdays and anniversaries ahead:</source>
        <translation>生日和纪念日提前：</translation>
    </message>
    <message>
        <source>Notify me once a day of today&apos;s birthdays and overdue A customers</source>
        <translation>每天通知一次当天的生日和逾期未访的 A 类客户</translation>
    </message>
    <message>
        <source>Visit cadence by grade…</source>
        <translation>按等级的拜访周期…</translation>
    </message>
    <message>
        <source>Visits:</source>
        <translation>拜访：</translation>
    </message>
</context>
<context>
    <name>CategoryPanel</name>
    <message>
        <source>New category</source>
        <translation>新建分类</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Rename category</source>
        <translation>重命名分类</translation>
    </message>
    <message>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <source>Merge category</source>
        <translation>合并分类</translation>
    </message>
    <message>
        <source>Merge “%1” and its customers into:</source>
        <translation>把“%1”及其客户合并到：</translation>
    </message>
    <message>
        <source>Add category…</source>
        <translation>添加分类…</translation>
    </message>
    <message>
        <source>Add sub-category…</source>
        <translation>添加下级分类…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>重命名…</translation>
    </message>
    <message>
        <source>Merge into…</source>
        <translation>合并到…</translation>
    </message>
    <message>
        <source>Move to top level</source>
        <translation>移到顶层</translation>
    </message>
</context>
<context>
    <name>CategoryTreeModel</name>
    <message>
        <source>(unclassified)</source>
        <translation>（未分类）</translation>
    </message>
</context>
<context>
    <name>CheckDialog</name>
    <message>
        <source>Check the database</source>
        <translation>检查数据库</translation>
    </message>
    <message>
        <source>Repair</source>
        <translation>修复</translation>
    </message>
    <message>
        <source>The database is healthy.</source>
        <translation>数据库完好。</translation>
    </message>
    <message>
        <source>The database has problems. Repair rebuilds those it can rebuild.</source>
        <translation>数据库有问题。“修复”会重建能够重建的部分。</translation>
    </message>
    <message>
        <source>The database has problems that need a backup: File → Restore a backup…</source>
        <translation>数据库的问题需要用备份解决：文件 → 恢复备份…</translation>
    </message>
    <message>
        <source>%1 customers; the server keeps its files consistent</source>
        <translation>%1 个客户；文件的一致性由服务器保证</translation>
    </message>
    <message>
        <source>%1 customers; integrity: %2</source>
        <translation>%1 个客户；完整性：%2</translation>
    </message>
    <message>
        <source>Nothing needed rebuilding.</source>
        <translation>没有需要重建的内容。</translation>
    </message>
</context>
<context>
    <name>ClassifyDialog</name>
    <message>
        <source>Classify customers</source>
        <translation>客户分类</translation>
    </message>
    <message>
        <source>%1 customers selected.</source>
        <translation>已选择 %1 个客户。</translation>
    </message>
    <message>
        <source>Scheme:</source>
        <translation>维度：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>分类：</translation>
    </message>
    <message>
        <source>(remove from this scheme)</source>
        <translation>（从该维度中移除）</translation>
    </message>
</context>
<context>
    <name>CompletenessFilter</name>
    <message>
        <source>Completeness below</source>
        <translation>健全度低于</translation>
    </message>
    <message>
        <source>Show only the dossiers that are less complete than this</source>
        <translation>只显示健全度低于该值的档案</translation>
    </message>
    <message>
        <source>Completeness threshold</source>
        <translation>健全度阈值</translation>
    </message>
</context>
<context>
    <name>CompletenessPanel</name>
    <message>
        <source>Completeness</source>
        <translation>健全度</translation>
    </message>
    <message>
        <source>Missing items</source>
        <translation>缺少的项目</translation>
    </message>
    <message>
        <source>Nothing missing</source>
        <translation>档案完整，无缺项</translation>
    </message>
    <message>
        <source>Go to this field</source>
        <translation>转到该项</translation>
    </message>
    <message>
        <source>Missing (%1):</source>
        <translation>缺少（%1 项）：</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Saved by someone else</source>
        <translation>已被他人保存</translation>
    </message>
    <message>
        <source>the other user</source>
        <translation>其他用户</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Saved by %1</source>
        <translation>%1 保存的内容</translation>
    </message>
    <message>
        <source>Yours</source>
        <translation>你的内容</translation>
    </message>
    <message>
        <source>Keep mine</source>
        <translation>保留我的</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>采用对方的</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Key persons without consent</source>
        <translation>未同意的关键人物</translation>
    </message>
    <message>
        <source>Key persons whose consent to keep their personal data is missing or was withdrawn (PIPL). Open one to record the consent, or erase the person.</source>
        <translation>保存其个人信息未取得同意或已撤回同意的关键人物（个人信息保护法）。打开一位以记录同意，或删除该人物。</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Key person</source>
        <translation>关键人物</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>&amp;Open key person…</source>
        <translation>打开关键人物(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>withdrawn on %1</source>
        <translation>%1 已撤回</translation>
    </message>
    <message>
        <source>missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <source>%1 key persons</source>
        <translation>%1 位关键人物</translation>
    </message>
</context>
<context>
    <name>CustomerListView</name>
    <message>
        <source>Customer list</source>
        <translation>客户列表</translation>
    </message>
    <message>
        <source>Default columns</source>
        <translation>默认列</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Completeness</source>
        <translation>健全度</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>修改时间</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>创建时间</translation>
    </message>
</context>
<context>
    <name>DailyReportView</name>
    <message>
        <source>(everyone)</source>
        <translation>（全部人员）</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Save the report shown as a PDF to print</source>
        <translation>把当前显示的日报保存为 PDF，以便打印</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>推销员</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现的情况</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次访问</translation>
    </message>
    <message>
        <source>{n} visits on {day}.</source>
        <translation>{day} 共 {n} 次访问。</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>{n} visits in {year}-{month:02d}.</source>
        <translation>{year}年{month:02d}月共 {n} 次访问。</translation>
    </message>
    <message>
        <source>Export PDF</source>
        <translation>导出 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>DatabaseFiles</name>
    <message>
        <source>New &amp;database…</source>
        <translation>新建数据库(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Open database…</source>
        <translation>打开数据库(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;server database…</source>
        <translation>打开服务器数据库(&amp;S)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>New database</source>
        <translation>新建数据库</translation>
    </message>
    <message>
        <source>customers.db</source>
        <translation>客户档案.db</translation>
    </message>
    <message>
        <source>%1 already exists; it is opened, not replaced.</source>
        <translation>%1 已存在：将打开它，不会覆盖。</translation>
    </message>
    <message>
        <source>Open database</source>
        <translation>打开数据库</translation>
    </message>
</context>
<context>
    <name>DatabaseMoves</name>
    <message>
        <source>&amp;Move to a server…</source>
        <translation>迁移到服务器(&amp;M)…</translation>
    </message>
    <message>
        <source>Save a &amp;copy as a file…</source>
        <translation>另存副本为文件(&amp;C)…</translation>
    </message>
    <message>
        <source>The database file is gone or was replaced: open it again first.</source>
        <translation>数据库文件已不存在或已被替换：请先重新打开它。</translation>
    </message>
    <message>
        <source>This database is on a server already.</source>
        <translation>此数据库已在服务器上。</translation>
    </message>
    <message>
        <source>This database is a file already: File → Back up now copies it.</source>
        <translation>此数据库本身就是文件：用“文件 → 立即备份”即可复制它。</translation>
    </message>
    <message>
        <source>Copies this database into an empty database on a PostgreSQL server, checks the copy and opens it there; the file stays as it is</source>
        <translation>把此数据库复制到 PostgreSQL 服务器上的一个空数据库，核对副本后在那里打开；原文件保持不变</translation>
    </message>
    <message>
        <source>Copies this server database into a new database file, checked</source>
        <translation>把此服务器数据库复制到一个新的数据库文件，并加以核对</translation>
    </message>
    <message>
        <source>Move this database to a server</source>
        <translation>将数据库迁移到服务器</translation>
    </message>
    <message>
        <source>Every dossier, user and record of this file is copied into an empty database on the office&apos;s PostgreSQL server and checked table by table; then kehu opens it there. The file stays as it is. Log in as the server database&apos;s owner (the administrator who created it).</source>
        <translation>此文件中的全部档案、用户和记录将复制到办公室 PostgreSQL 服务器上的一个空数据库，并逐表核对；然后客户档案在那里打开它。原文件保持不变。请以该服务器数据库的所有者（创建它的管理员）登录。</translation>
    </message>
    <message>
        <source>Move here</source>
        <translation>迁移到此处</translation>
    </message>
    <message>
        <source>Moved to the server</source>
        <translation>已迁移到服务器</translation>
    </message>
    <message>
        <source>kehu opens the server database now. Ask the others in the office to open it too (File → Open server database…): the file no longer receives their work.</source>
        <translation>客户档案现在打开服务器数据库。请办公室的其他人也打开它（文件 → 打开服务器数据库…）：此后他们的工作不再写入原文件。</translation>
    </message>
    <message>
        <source>Moving the database to the server…</source>
        <translation>正在把数据库迁移到服务器…</translation>
    </message>
    <message>
        <source>Save a copy as a file</source>
        <translation>另存副本为文件</translation>
    </message>
    <message>
        <source>customers.db</source>
        <translation>客户档案.db</translation>
    </message>
    <message>
        <source>Copy saved</source>
        <translation>副本已保存</translation>
    </message>
    <message>
        <source>Open it with File → Open database… (this window stays on the server).</source>
        <translation>可用“文件 → 打开数据库…”打开它（本窗口仍连接服务器）。</translation>
    </message>
    <message>
        <source>Copying the server database into a file…</source>
        <translation>正在把服务器数据库复制到文件…</translation>
    </message>
</context>
<context>
    <name>DossierCard</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Save the card (Ctrl+S)</source>
        <translation>保存档案卡（Ctrl+S）</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>客户分类</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Merged into %1</source>
        <translation>已合并到 %1</translation>
    </message>
    <message>
        <source>Undo this merge…</source>
        <translation>撤销这次合并…</translation>
    </message>
    <message>
        <source>Merged into this customer: %1</source>
        <translation>已合并到本客户：%1</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <source>Make this customer active again with its key persons, visits and sales, and give the kept customer its earlier values?</source>
        <translation>恢复这个客户及其关键人物、访问记录和销售记录，并把保留的客户改回合并前的内容？</translation>
    </message>
    <message>
        <source>its owner</source>
        <translation>其负责人</translation>
    </message>
    <message>
        <source>a customer you cannot see (ask %1)</source>
        <translation>一个您无权查看的客户（请询问 %1）</translation>
    </message>
    <message>
        <source>(archived)</source>
        <translation>（已归档）</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>The database cannot be written: see the status bar</source>
        <translation>数据库无法写入：请看状态栏</translation>
    </message>
</context>
<context>
    <name>DuplicateWarning</name>
    <message>
        <source>A likely duplicate exists: %1 %2. &lt;a href=&quot;open:%3&quot;&gt;Open it instead&lt;/a&gt;</source>
        <translation>疑似重复客户：%1 %2。&lt;a href=&quot;open:%3&quot;&gt;改为打开它&lt;/a&gt;</translation>
    </message>
    <message>
        <source>A customer with this name probably exists already, looked after by %1: ask them before creating a second record.</source>
        <translation>可能已有同名客户，由 %1 负责：新建第二份档案前请先询问对方。</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>其他用户</translation>
    </message>
    <message>
        <source>(%1 more similar)</source>
        <translation>（另有 %1 个相似）</translation>
    </message>
</context>
<context>
    <name>DuplicatesDialog</name>
    <message>
        <source>Duplicate customers</source>
        <translation>重复客户</translation>
    </message>
    <message>
        <source>Likely duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <source>Merges</source>
        <translation>合并记录</translation>
    </message>
    <message>
        <source>Lowest score:</source>
        <translation>最低分数：</translation>
    </message>
    <message>
        <source>Scan</source>
        <translation>查找</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Possible duplicate</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <source>Review and merge…</source>
        <translation>核对并合并…</translation>
    </message>
    <message>
        <source>Open both cards</source>
        <translation>打开两份档案</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>保留</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>被合并</translation>
    </message>
    <message>
        <source>By</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Undo merge</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <source>Looking for duplicates…</source>
        <translation>正在查找重复客户…</translation>
    </message>
    <message>
        <source>%1 likely duplicate pairs</source>
        <translation>%1 对疑似重复</translation>
    </message>
    <message>
        <source>undone</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>merged</source>
        <translation>已合并</translation>
    </message>
</context>
<context>
    <name>EraseDialog</name>
    <message>
        <source>Erase for good</source>
        <translation>彻底删除</translation>
    </message>
    <message>
        <source>The customer, its key persons, visits, sales lines and the whole change history are deleted and their pages overwritten. Only the audit entry (who, when, why) stays.</source>
        <translation>该客户及其关键人物、访问记录、销售明细和全部修改历史将被删除，所在页面被覆盖。只保留审计记录（谁、何时、为何）。</translation>
    </message>
    <message>
        <source>The key person and every history entry of their values are deleted and their pages overwritten. Only the audit entry (who, when, why) stays.</source>
        <translation>该关键人物及其各项信息的全部历史将被删除，所在页面被覆盖。只保留审计记录（谁、何时、为何）。</translation>
    </message>
    <message>
        <source>e.g. deletion request of 2026-12-01</source>
        <translation>例如：2026-12-01 的删除请求</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>I understand that this cannot be undone</source>
        <translation>我明白此操作无法撤销</translation>
    </message>
    <message>
        <source>&amp;Erase</source>
        <translation>彻底删除(&amp;E)</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something went wrong that kehu did not expect. Your saved data is safe. The details below were written to the log file; copy them if you report the problem.</source>
        <translation>程序遇到了意外的问题。已保存的数据是安全的。下面的详细信息已写入日志文件；报告问题时请复制这些信息。</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>复制详细信息</translation>
    </message>
    <message>
        <source>Cannot do that</source>
        <translation>无法完成操作</translation>
    </message>
</context>
<context>
    <name>FieldEditor</name>
    <message>
        <source>Choose a date</source>
        <translation>选择日期</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Welcome to kehu</source>
        <translation>欢迎使用客户档案管理</translation>
    </message>
    <message>
        <source>This database has no customers yet. How would you like to start?</source>
        <translation>这个数据库中还没有客户。你想怎样开始？</translation>
    </message>
    <message>
        <source>Start empty</source>
        <translation>从空白开始</translation>
    </message>
    <message>
        <source>Add your customers one by one (Ctrl+N).</source>
        <translation>逐个添加你的客户（Ctrl+N）。</translation>
    </message>
    <message>
        <source>Load demo data</source>
        <translation>载入演示数据</translation>
    </message>
    <message>
        <source>Fictitious customers with contacts, visits and sales to try things out.</source>
        <translation>虚构的客户，带有联系人、访问和销售记录，供试用。</translation>
    </message>
    <message>
        <source>Demo customers:</source>
        <translation>演示客户数：</translation>
    </message>
    <message>
        <source>Import an Excel file</source>
        <translation>导入 Excel 文件</translation>
    </message>
    <message>
        <source>Bring in the customer list you already keep in Excel or CSV.</source>
        <translation>导入你已经用 Excel 或 CSV 保存的客户名单。</translation>
    </message>
    <message>
        <source>Open an existing file</source>
        <translation>打开已有的文件</translation>
    </message>
    <message>
        <source>Your customers are already in a kehu database file (here or on a share).</source>
        <translation>客户已保存在一个 kehu 数据库文件中（本机或共享文件夹）。</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>kehu manual</source>
        <translation>kehu 使用说明</translation>
    </message>
    <message>
        <source>Manual</source>
        <translation>使用说明</translation>
    </message>
</context>
<context>
    <name>ImportCheckPage</name>
    <message>
        <source>Skip them</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>Fill in empty fields of the existing customer</source>
        <translation>填补现有客户的空白项目</translation>
    </message>
    <message>
        <source>Overwrite the existing customer&apos;s fields</source>
        <translation>覆盖现有客户的项目</translation>
    </message>
    <message>
        <source>Import them anyway as new customers</source>
        <translation>仍作为新客户导入</translation>
    </message>
    <message>
        <source>Customers already in the database:</source>
        <translation>数据库中已有的客户：</translation>
    </message>
    <message>
        <source>Skip rows hidden in Excel</source>
        <translation>跳过 Excel 中隐藏的行</translation>
    </message>
    <message>
        <source>Create missing categories</source>
        <translation>创建缺少的分类</translation>
    </message>
    <message>
        <source>A path such as 华东/上海 is found, or created, level by level in the tree.</source>
        <translation>“华东/上海”这样的路径会在分类树中逐级查找，没有的逐级创建。</translation>
    </message>
    <message>
        <source>Check (dry run)</source>
        <translation>检查（试运行）</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>错误</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>重复</translation>
    </message>
</context>
<context>
    <name>ImportDonePage</name>
    <message>
        <source>Save rejected rows…</source>
        <translation>保存被拒绝的行…</translation>
    </message>
    <message>
        <source>Undo this import</source>
        <translation>撤销本次导入</translation>
    </message>
    <message>
        <source>Save rejected rows</source>
        <translation>保存被拒绝的行</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Undo import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Some customers were changed after the import: %1. Undo anyway?</source>
        <translation>部分客户在导入后被修改过：%1。仍要撤销吗？</translation>
    </message>
    <message>
        <source>Cannot undo</source>
        <translation>无法撤销</translation>
    </message>
    <message>
        <source>The import was undone.</source>
        <translation>已撤销导入。</translation>
    </message>
</context>
<context>
    <name>ImportFilePage</name>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>File (.xlsx or .csv):</source>
        <translation>文件（.xlsx 或 .csv）：</translation>
    </message>
    <message>
        <source>Customers (with key persons)</source>
        <translation>客户（含关键人物）</translation>
    </message>
    <message>
        <source>Sale lines</source>
        <translation>销售明细</translation>
    </message>
    <message>
        <source>Customer-filled forms (for review)</source>
        <translation>客户填写的资料表（待审核）</translation>
    </message>
    <message>
        <source>What the file holds:</source>
        <translation>文件内容：</translation>
    </message>
    <message>
        <source>Sheet:</source>
        <translation>工作表：</translation>
    </message>
    <message>
        <source>Key persons sheet:</source>
        <translation>关键人物工作表：</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source> (hidden)</source>
        <translation>（隐藏）</translation>
    </message>
    <message>
        <source>Choose a spreadsheet</source>
        <translation>选择电子表格</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv *.txt)</source>
        <translation>电子表格 (*.xlsx *.csv *.txt)</translation>
    </message>
</context>
<context>
    <name>ImportMappingPage</name>
    <message>
        <source>Column in the file</source>
        <translation>文件中的列</translation>
    </message>
    <message>
        <source>First values</source>
        <translation>前几行的值</translation>
    </message>
    <message>
        <source>Imported as</source>
        <translation>导入为</translation>
    </message>
    <message>
        <source>Save mapping…</source>
        <translation>保存对应关系…</translation>
    </message>
    <message>
        <source>Load mapping…</source>
        <translation>载入对应关系…</translation>
    </message>
    <message>
        <source>The sheet is empty.</source>
        <translation>该工作表是空的。</translation>
    </message>
    <message>
        <source>Header row: %1</source>
        <translation>标题行：%1</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Save mapping</source>
        <translation>保存对应关系</translation>
    </message>
    <message>
        <source>Mappings (*.json)</source>
        <translation>对应关系 (*.json)</translation>
    </message>
    <message>
        <source>Load mapping</source>
        <translation>载入对应关系</translation>
    </message>
    <message>
        <source>Cannot load the mapping</source>
        <translation>无法载入列映射</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>上一步</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Choose an existing file.</source>
        <translation>请选择一个已存在的文件。</translation>
    </message>
    <message>
        <source>Cannot read this file</source>
        <translation>无法读取此文件</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported.</source>
        <translation>已取消：没有导入任何内容。</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
</context>
<context>
    <name>KeyPersons</name>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>Licences</name>
    <message>
        <source>Licence: %1</source>
        <translation>许可证：%1</translation>
    </message>
</context>
<context>
    <name>LicencesDialog</name>
    <message>
        <source>Licences</source>
        <translation>许可证</translation>
    </message>
    <message>
        <source>kehu</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Components</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Third-party licence texts</source>
        <translation>第三方许可证全文</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>组件</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可证</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in to kehu</source>
        <translation>登录客户档案管理</translation>
    </message>
    <message>
        <source>Remember the password on this computer</source>
        <translation>在本机记住密码</translation>
    </message>
    <message>
        <source>This computer has no secure password store: the password is not kept.</source>
        <translation>本机没有安全的密码存储，密码不会被保存。</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码不正确。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Show archived</source>
        <translation>显示已归档</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>%1 (server) — kehu client records</source>
        <translation>%1（服务器）— kehu 客户档案</translation>
    </message>
    <message>
        <source>%1 (%2) — kehu client records</source>
        <translation>%1（%2）— kehu 客户档案</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>local</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Database: %1 (%2 mode) · user %3</source>
        <translation>数据库：%1（%2模式）· 用户 %3</translation>
    </message>
    <message>
        <source>Server database: %1 · user %2</source>
        <translation>服务器数据库：%1 · 用户 %2</translation>
    </message>
    <message>
        <source>Server database: %1 · the connection was lost; reconnecting…</source>
        <translation>服务器数据库：%1 · 与服务器的连接已断开，正在重新连接…</translation>
    </message>
    <message>
        <source>The database file was replaced or removed: nothing is saved; reopen it</source>
        <translation>数据库文件已被替换或删除：不再保存任何内容，请重新打开数据库</translation>
    </message>
    <message>
        <source>read-only: saving is disabled</source>
        <translation>只读：无法保存</translation>
    </message>
    <message>
        <source>Waiting for another user to finish saving…</source>
        <translation>正在等待其他用户保存完毕…</translation>
    </message>
    <message>
        <source>The database file changed</source>
        <translation>数据库文件已变化</translation>
    </message>
    <message>
        <source>Connected to the database server again</source>
        <translation>已重新连接到数据库服务器</translation>
    </message>
    <message>
        <source>%1 shown</source>
        <translation>显示 %1 个</translation>
    </message>
    <message>
        <source>%1 customers</source>
        <translation>共 %1 个客户</translation>
    </message>
    <message>
        <source>%1 selected</source>
        <translation>已选 %1 个</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>Classification change undone</source>
        <translation>已撤销分类操作</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Select customers in the list first.</source>
        <translation>请先在列表中选择客户。</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge duplicate customers</source>
        <translation>合并重复客户</translation>
    </message>
    <message>
        <source>%1 is kept. %2 is archived and linked to it; its key persons, visits, sale lines, route stop and categories move over. Choose the value to keep where they differ; the other value stays in the history. The merge can be undone.</source>
        <translation>保留 %1。%2 将归档并关联到它；其关键人物、访问记录、销售明细、路线站点和分类都转到保留的客户。两者不同时请选择要保留的值，另一个值记入变更历史。合并可以撤销。</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Kept: %1</source>
        <translation>保留：%1</translation>
    </message>
    <message>
        <source>Merged: %1</source>
        <translation>被合并：%1</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>（空）</translation>
    </message>
    <message>
        <source>The two records hold the same values.</source>
        <translation>两份档案的内容相同。</translation>
    </message>
    <message>
        <source>Moves %1 key persons, %2 visits and %3 sale lines.</source>
        <translation>将转移 %1 个关键人物、%2 条访问记录和 %3 条销售明细。</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Key person</source>
        <translation>关键人物</translation>
    </message>
    <message>
        <source>New key person</source>
        <translation>新建关键人物</translation>
    </message>
    <message>
        <source>Show sensitive fields</source>
        <translation>显示敏感信息</translation>
    </message>
    <message>
        <source>Showing them is recorded in the audit log.</source>
        <translation>查看敏感信息会记入审计日志。</translation>
    </message>
    <message>
        <source>Copy of personal data…</source>
        <translation>个人信息副本…</translation>
    </message>
    <message>
        <source>Everything stored about this person, with its history (Excel or PDF)</source>
        <translation>该人物的全部存储信息及其历史（Excel 或 PDF）</translation>
    </message>
    <message>
        <source>A lunar birthday comes on another solar day every year</source>
        <translation>农历生日每年落在不同的公历日期</translation>
    </message>
    <message>
        <source>Copy of personal data</source>
        <translation>个人信息副本</translation>
    </message>
    <message>
        <source>personal data %1.xlsx</source>
        <translation>个人信息 %1.xlsx</translation>
    </message>
    <message>
        <source>Written to %1. Making it is recorded in the audit log.</source>
        <translation>已写入 %1。此操作已记入审计日志。</translation>
    </message>
    <message>
        <source>Cannot keep these values</source>
        <translation>这些内容有误</translation>
    </message>
</context>
<context>
    <name>PrintDialog</name>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Client cards</source>
        <translation>客户档案卡</translation>
    </message>
    <message>
        <source>Customer information form</source>
        <translation>客户资料表</translation>
    </message>
    <message>
        <source>Route sheet</source>
        <translation>路序表</translation>
    </message>
    <message>
        <source>Blank visit form</source>
        <translation>空白访问记录表</translation>
    </message>
    <message>
        <source>Daily visit report</source>
        <translation>客户访问日报</translation>
    </message>
    <message>
        <source>Monthly visit report</source>
        <translation>客户访问月报</translation>
    </message>
    <message>
        <source>Address labels</source>
        <translation>地址标签</translation>
    </message>
    <message>
        <source>Customer list (as filtered)</source>
        <translation>客户名单（按当前筛选）</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>The open card</source>
        <translation>当前打开的档案卡</translation>
    </message>
    <message>
        <source>The selected customers (%1)</source>
        <translation>选中的客户（%1）</translation>
    </message>
    <message>
        <source>All customers in the list (%1)</source>
        <translation>列表中的全部客户（%1）</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>Paper:</source>
        <translation>纸张：</translation>
    </message>
    <message>
        <source>Latest visits on a card:</source>
        <translation>档案卡上的最近访问：</translation>
    </message>
    <message>
        <source>Title (empty: the usual one):</source>
        <translation>标题（留空：默认标题）：</translation>
    </message>
    <message>
        <source>Filled in with the customers&apos; data (else blank)</source>
        <translation>填入客户资料（否则为空白表）</translation>
    </message>
    <message>
        <source>Form:</source>
        <translation>表格：</translation>
    </message>
    <message>
        <source>Every field (not only the form&apos;s)</source>
        <translation>全部字段（不只是表上的）</translation>
    </message>
    <message>
        <source>Fields:</source>
        <translation>字段：</translation>
    </message>
    <message>
        <source>(any route)</source>
        <translation>（任意路线）</translation>
    </message>
    <message>
        <source>Route:</source>
        <translation>路线：</translation>
    </message>
    <message>
        <source>Day:</source>
        <translation>日期：</translation>
    </message>
    <message>
        <source>All stops</source>
        <translation>全部站点</translation>
    </message>
    <message>
        <source>All stops, overdue ones marked</source>
        <translation>全部站点，标出逾期的</translation>
    </message>
    <message>
        <source>Only overdue stops, by grade and days</source>
        <translation>只列逾期站点（按等级和天数）</translation>
    </message>
    <message>
        <source>Overdue: not visited within the grade&apos;s visit cadence</source>
        <translation>逾期：超过等级拜访周期未拜访</translation>
    </message>
    <message>
        <source>Overdue by cadence:</source>
        <translation>按周期逾期：</translation>
    </message>
    <message>
        <source>Empty rows:</source>
        <translation>空行数：</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>Salesperson:</source>
        <translation>推销员：</translation>
    </message>
    <message>
        <source>3 × 8 per A4 sheet</source>
        <translation>每张 A4 3 × 8 个</translation>
    </message>
    <message>
        <source>2 × 7 per A4 sheet</source>
        <translation>每张 A4 2 × 7 个</translation>
    </message>
    <message>
        <source>Label sheet:</source>
        <translation>标签纸：</translation>
    </message>
    <message>
        <source>Draw the label outlines</source>
        <translation>画出标签边框</translation>
    </message>
    <message>
        <source>Outlines:</source>
        <translation>边框：</translation>
    </message>
    <message>
        <source>Watermark with my name and the time</source>
        <translation>加水印（我的名字和时间）</translation>
    </message>
    <message>
        <source>Watermark:</source>
        <translation>水印：</translation>
    </message>
    <message>
        <source>Show sensitive fields unmasked (managers)</source>
        <translation>显示敏感字段原文（仅限经理）</translation>
    </message>
    <message>
        <source>Sensitive:</source>
        <translation>敏感信息：</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Print preview – %1</source>
        <translation>打印预览 – %1</translation>
    </message>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit width</source>
        <translation>适合宽度</translation>
    </message>
    <message>
        <source>Whole page</source>
        <translation>整页</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>of %1</source>
        <translation>共 %1 页</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>正在打印…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>The printer could not be started.</source>
        <translation>无法启动打印机。</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF could not be saved: %1</source>
        <translation>无法保存 PDF：%1</translation>
    </message>
</context>
<context>
    <name>ProductListDialog</name>
    <message>
        <source>Products</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Product category</source>
        <translation>商品类别</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Sale lines</source>
        <translation>销售明细</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>New</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>ProposeOrderDialog</name>
    <message>
        <source>Propose an economical order</source>
        <translation>建议经济的路序</translation>
    </message>
    <message>
        <source>New No.</source>
        <translation>新序号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Old No.</source>
        <translation>原序号</translation>
    </message>
    <message>
        <source>{name} (no coordinates, stays)</source>
        <translation>{name}（无坐标，位置不变）</translation>
    </message>
    <message>
        <source>Use the new order</source>
        <translation>采用新路序</translation>
    </message>
    <message>
        <source>Keep the current order</source>
        <translation>保留当前路序</translation>
    </message>
    <message>
        <source>None of the stops has coordinates (or only one), so no order can be proposed.</source>
        <translation>没有（或只有一个）站点有坐标，无法建议路序。</translation>
    </message>
    <message>
        <source>The current order is already economical: {km:.1f} km.</source>
        <translation>当前路序已经很经济：{km:.1f} 公里。</translation>
    </message>
    <message>
        <source>Current order: {before:.1f} km. Proposed order: {after:.1f} km (saves {saving:.1f} km, {percent:.0f} %).</source>
        <translation>当前路序：{before:.1f} 公里。建议路序：{after:.1f} 公里（节省 {saving:.1f} 公里，{percent:.0f}%）。</translation>
    </message>
    <message>
        <source>Without coordinates, left in their places: {names}</source>
        <translation>无坐标、保持原位的站点：{names}</translation>
    </message>
</context>
<context>
    <name>RegionActions</name>
    <message>
        <source>Rename region…</source>
        <translation>重命名区域…</translation>
    </message>
    <message>
        <source>Move region…</source>
        <translation>移动区域…</translation>
    </message>
    <message>
        <source>Delete region…</source>
        <translation>删除区域…</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Rename, move or delete the chosen region</source>
        <translation>重命名、移动或删除选中的区域</translation>
    </message>
    <message>
        <source>New region</source>
        <translation>新建区域</translation>
    </message>
    <message>
        <source>Inside:</source>
        <translation>上级区域：</translation>
    </message>
    <message>
        <source>(top level)</source>
        <translation>（顶层）</translation>
    </message>
    <message>
        <source>Rename region</source>
        <translation>重命名区域</translation>
    </message>
    <message>
        <source>Move region “%1”</source>
        <translation>移动区域“%1”</translation>
    </message>
    <message>
        <source>Move into:</source>
        <translation>移到：</translation>
    </message>
    <message>
        <source>Delete region “%1”</source>
        <translation>删除区域“%1”</translation>
    </message>
    <message>
        <source>Its %1 routes go to:</source>
        <translation>它的 %1 条路线移到：</translation>
    </message>
    <message>
        <source>Delete region</source>
        <translation>删除区域</translation>
    </message>
    <message>
        <source>Create another region for its routes first.</source>
        <translation>请先新建另一个区域来放它的路线。</translation>
    </message>
    <message>
        <source>Delete the region “%1”?</source>
        <translation>删除区域“%1”？</translation>
    </message>
</context>
<context>
    <name>RegionDialog</name>
    <message>
        <source>Region name</source>
        <translation>区域名称</translation>
    </message>
    <message>
        <source>Region name:</source>
        <translation>区域名称：</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Backups of %1. The one you choose is checked first; the current database is kept aside before it is replaced.</source>
        <translation>%1 的备份。所选备份会先经过检查；当前数据库在被替换之前会另存一份。</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>备份时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>automatic</source>
        <translation>自动</translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>手动</translation>
    </message>
    <message>
        <source>No backups yet: choose a file.</source>
        <translation>还没有备份：请选择一个文件。</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>恢复</translation>
    </message>
    <message>
        <source>Other file…</source>
        <translation>其他文件…</translation>
    </message>
</context>
<context>
    <name>ReviewDialog</name>
    <message>
        <source>Review customer-filled forms</source>
        <translation>审核客户填写的资料表</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>接受</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Now in the dossier</source>
        <translation>档案中的现有内容</translation>
    </message>
    <message>
        <source>Proposed by the customer</source>
        <translation>客户填写的内容</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>说明</translation>
    </message>
    <message>
        <source>No forms are waiting for review.</source>
        <translation>没有待审核的资料表。</translation>
    </message>
    <message>
        <source>Accept all</source>
        <translation>全部接受</translation>
    </message>
    <message>
        <source>Reject all</source>
        <translation>全部拒绝</translation>
    </message>
    <message>
        <source>Apply decisions</source>
        <translation>应用审核结果</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Changed in the dossier after the form was sent (form showed: %1)</source>
        <translation>资料表发出后档案已被修改（表上为：%1）</translation>
    </message>
    <message>
        <source>Cannot apply the review</source>
        <translation>无法应用审核结果</translation>
    </message>
</context>
<context>
    <name>RouteDialog</name>
    <message>
        <source>Edit route</source>
        <translation>编辑路线</translation>
    </message>
    <message>
        <source>New route</source>
        <translation>新建路线</translation>
    </message>
    <message>
        <source>(no region)</source>
        <translation>（无区域）</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（无人）</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>可选</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>推销员</translation>
    </message>
    <message>
        <source>Visit days</source>
        <translation>访问日</translation>
    </message>
    <message>
        <source>Frequency</source>
        <translation>频率</translation>
    </message>
    <message>
        <source>Start address</source>
        <translation>出发地址</translation>
    </message>
    <message>
        <source>Start latitude</source>
        <translation>出发点纬度</translation>
    </message>
    <message>
        <source>Start longitude</source>
        <translation>出发点经度</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
</context>
<context>
    <name>RouteStopsPane</name>
    <message>
        <source>Choose a route in the tree, or create one.</source>
        <translation>请在左侧选择一条路线，或新建一条。</translation>
    </message>
    <message>
        <source>This route was deleted.</source>
        <translation>该路线已被删除。</translation>
    </message>
    <message>
        <source>no salesperson</source>
        <translation>无推销员</translation>
    </message>
    <message>
        <source>start: {address}</source>
        <translation>出发：{address}</translation>
    </message>
    <message>
        <source>{count} stops</source>
        <translation>{count} 个站点</translation>
    </message>
    <message>
        <source>{customer} — on “{route}”</source>
        <translation>{customer} — 在“{route}”上</translation>
    </message>
    <message>
        <source>… and {n} more</source>
        <translation>…… 另有 {n} 个</translation>
    </message>
    <message>
        <source>Move customers</source>
        <translation>移动客户</translation>
    </message>
    <message>
        <source>A customer is on one route only. Move these customers to this route?</source>
        <translation>一个客户只能在一条路线上。要把这些客户移到本路线吗？</translation>
    </message>
</context>
<context>
    <name>RouteTreeModel</name>
    <message>
        <source>Regions and routes</source>
        <translation>区域与路线</translation>
    </message>
    <message>
        <source>(no region)</source>
        <translation>（无区域）</translation>
    </message>
    <message>
        <source>{name} ({count})</source>
        <translation>{name}（{count}）</translation>
    </message>
</context>
<context>
    <name>RouteViews</name>
    <message>
        <source>Record visit</source>
        <translation>记录访问</translation>
    </message>
    <message>
        <source>Open a customer&apos;s card or select a customer first.</source>
        <translation>请先打开客户档案卡或选中一个客户。</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>Visit reports</source>
        <translation>访问日报</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Record &amp;visit…</source>
        <translation>记录访问(&amp;V)…</translation>
    </message>
    <message>
        <source>Add to &amp;route…</source>
        <translation>加入路线(&amp;R)…</translation>
    </message>
</context>
<context>
    <name>RoutesView</name>
    <message>
        <source>Regions and routes</source>
        <translation>区域和路线</translation>
    </message>
    <message>
        <source>New region…</source>
        <translation>新建区域…</translation>
    </message>
    <message>
        <source>New route…</source>
        <translation>新建路线…</translation>
    </message>
    <message>
        <source>Edit route…</source>
        <translation>编辑路线…</translation>
    </message>
    <message>
        <source>Delete route</source>
        <translation>删除路线</translation>
    </message>
    <message>
        <source>Print route sheet…</source>
        <translation>打印路序表…</translation>
    </message>
    <message>
        <source>Remove from route</source>
        <translation>从路线中移除</translation>
    </message>
    <message>
        <source>Propose order…</source>
        <translation>建议路序…</translation>
    </message>
    <message>
        <source>Record visit…</source>
        <translation>记录访问…</translation>
    </message>
    <message>
        <source>Delete the route “{name}”? Its {count} customers stay in the database; they are only taken off this route.</source>
        <translation>删除路线“{name}”？其中的 {count} 个客户仍保留在数据库中，只是从该路线上移除。</translation>
    </message>
</context>
<context>
    <name>SaleLineDialog</name>
    <message>
        <source>Sale line</source>
        <translation>销售记录</translation>
    </message>
    <message>
        <source>yuan, e.g. 1,280.50</source>
        <translation>元，例如 1,280.50</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Product category</source>
        <translation>商品类别</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
</context>
<context>
    <name>SalesPane</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Product category</source>
        <translation>商品类别</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Sale lines</source>
        <translation>销售明细</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Products…</source>
        <translation>商品列表…</translation>
    </message>
    <message>
        <source>Product composition: %1</source>
        <translation>商品构成：%1</translation>
    </message>
    <message>
        <source>Delete this sale line?</source>
        <translation>删除这条销售记录？</translation>
    </message>
</context>
<context>
    <name>SearchBox</name>
    <message>
        <source>Search: name, pinyin initials, code, phone, credit code, contact (Ctrl+F)</source>
        <translation>搜索：名称、拼音首字母、编号、电话、信用代码、联系人（Ctrl+F）</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>搜索客户</translation>
    </message>
</context>
<context>
    <name>ServerDialog</name>
    <message>
        <source>Open a server database</source>
        <translation>打开服务器数据库</translation>
    </message>
    <message>
        <source>A kehu database on the office&apos;s PostgreSQL server. Your user name and password are the ones the administrator gave you for kehu.</source>
        <translation>办公室 PostgreSQL 服务器上的 kehu 数据库。用户名和密码是管理员为您在 kehu 中设置的。</translation>
    </message>
    <message>
        <source>e.g. server or 192.168.1.10</source>
        <translation>例如 server 或 192.168.1.10</translation>
    </message>
    <message>
        <source>Encrypted when the server offers it</source>
        <translation>服务器支持时加密</translation>
    </message>
    <message>
        <source>Always encrypted</source>
        <translation>始终加密</translation>
    </message>
    <message>
        <source>Always encrypted, and the server&apos;s certificate checked</source>
        <translation>始终加密，并核验服务器证书</translation>
    </message>
    <message>
        <source>How the connection is protected (TLS). Ask the administrator; checking the certificate needs the office&apos;s certificate on this computer (docs/SERVER.md).</source>
        <translation>连接的保护方式（TLS）。请询问管理员；核验证书需要本机装有办公室的证书（见 docs/SERVER.md）。</translation>
    </message>
    <message>
        <source>Remember the password on this computer</source>
        <translation>在本机记住密码</translation>
    </message>
    <message>
        <source>This computer has no secure password store: the password is not kept.</source>
        <translation>本机没有安全的密码存储，密码不会被保存。</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Encryption:</source>
        <translation>加密：</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>连接</translation>
    </message>
    <message>
        <source>Enter the server, the database and your user name.</source>
        <translation>请填写服务器、数据库和您的用户名。</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>正在连接…</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>General</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>As the system</source>
        <translation>跟随系统</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>语言：</translation>
    </message>
    <message>
        <source>The new language shows from the next start.</source>
        <translation>新的语言将在下次启动时生效。</translation>
    </message>
    <message>
        <source>Open cards in their own window</source>
        <translation>在单独的窗口中打开档案卡</translation>
    </message>
    <message>
        <source>Cards:</source>
        <translation>档案卡：</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>A4 (one card per page)</source>
        <translation>A4（每页一张档案卡）</translation>
    </message>
    <message>
        <source>A5 (compact)</source>
        <translation>A5（紧凑）</translation>
    </message>
    <message>
        <source>Card paper:</source>
        <translation>档案卡纸张：</translation>
    </message>
    <message>
        <source>PDF font</source>
        <translation>PDF 字体</translation>
    </message>
    <message>
        <source>Found automatically</source>
        <translation>自动查找</translation>
    </message>
    <message>
        <source>Choose file…</source>
        <translation>选择文件…</translation>
    </message>
    <message>
        <source>PDF font:</source>
        <translation>PDF 字体：</translation>
    </message>
    <message>
        <source>Preview:</source>
        <translation>预览：</translation>
    </message>
    <message>
        <source>Only TrueType fonts (.ttf, .ttc) can be embedded in a PDF; the found ones cover Chinese.</source>
        <translation>PDF 中只能嵌入 TrueType 字体（.ttf、.ttc）；列出的字体都含中文。</translation>
    </message>
    <message>
        <source>TrueType fonts (*.ttf *.ttc)</source>
        <translation>TrueType 字体 (*.ttf *.ttc)</translation>
    </message>
    <message>
        <source>The first Chinese font found</source>
        <translation>找到的第一个中文字体</translation>
    </message>
</context>
<context>
    <name>ShareDialog</name>
    <message>
        <source>Share customers</source>
        <translation>共享客户</translation>
    </message>
    <message>
        <source>One customer</source>
        <translation>一个客户</translation>
    </message>
    <message>
        <source>%1 selected customers</source>
        <translation>已选 %1 个客户</translation>
    </message>
    <message>
        <source>Shared with</source>
        <translation>共享给</translation>
    </message>
    <message>
        <source>May</source>
        <translation>权限</translation>
    </message>
    <message>
        <source>Not shared with anyone.</source>
        <translation>未与任何人共享。</translation>
    </message>
    <message>
        <source>Take the share &amp;back</source>
        <translation>收回共享(&amp;B)</translation>
    </message>
    <message>
        <source>Share with a colleague</source>
        <translation>共享给同事</translation>
    </message>
    <message>
        <source>Read only</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Read and edit</source>
        <translation>可读可改</translation>
    </message>
    <message>
        <source>&amp;Share</source>
        <translation>共享(&amp;S)</translation>
    </message>
    <message>
        <source>Colleague:</source>
        <translation>同事：</translation>
    </message>
    <message>
        <source>May:</source>
        <translation>权限：</translation>
    </message>
    <message>
        <source>read and edit</source>
        <translation>可读可改</translation>
    </message>
    <message>
        <source>read</source>
        <translation>只读</translation>
    </message>
    <message>
        <source>Shared with %1.</source>
        <translation>已共享给 %1。</translation>
    </message>
    <message>
        <source>%1 no longer sees these customers through a share.</source>
        <translation>%1 不再通过共享看到这些客户。</translation>
    </message>
</context>
<context>
    <name>StartProblemDialog</name>
    <message>
        <source>Cannot open the database</source>
        <translation>无法打开数据库</translation>
    </message>
    <message>
        <source>Connect again</source>
        <translation>重新连接</translation>
    </message>
    <message>
        <source>When the server runs again or the network is back.</source>
        <translation>服务器重新运行或网络恢复后再连接。</translation>
    </message>
    <message>
        <source>Restore the latest good backup</source>
        <translation>恢复最近的完好备份</translation>
    </message>
    <message>
        <source>%1, %2 customers (checked). The current file is kept aside.</source>
        <translation>%1，%2 个客户（已检查）。当前文件会另存一份。</translation>
    </message>
    <message>
        <source>No good backup of this database was found.</source>
        <translation>没有找到这个数据库的完好备份。</translation>
    </message>
    <message>
        <source>Create a new database here</source>
        <translation>在这里新建数据库</translation>
    </message>
    <message>
        <source>An empty database at this path.</source>
        <translation>在这个路径创建一个空数据库。</translation>
    </message>
    <message>
        <source>Open another file…</source>
        <translation>打开其他文件…</translation>
    </message>
    <message>
        <source>Choose a database file.</source>
        <translation>选择一个数据库文件。</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>退出</translation>
    </message>
    <message>
        <source>Close kehu; nothing is changed.</source>
        <translation>关闭客户档案，不做任何改动。</translation>
    </message>
</context>
<context>
    <name>StopsModel</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Key person</source>
        <translation>关键人物</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次访问</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次访问</translation>
    </message>
    <message>
        <source>(not visible to you)</source>
        <translation>（无权查看）</translation>
    </message>
    <message>
        <source>No coordinates: the proposed order leaves this stop in place.</source>
        <translation>无坐标：建议路序不移动这个站点。</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TodayCare</name>
    <message>
        <source>Overdue by visit cadence</source>
        <translation>超过访问周期的客户</translation>
    </message>
    <message>
        <source>{grade}: every {days} days, never visited</source>
        <translation>{grade}：每 {days} 天访问一次，从未访问</translation>
    </message>
    <message>
        <source>{grade}: every {days} days, {n} days overdue</source>
        <translation>{grade}：每 {days} 天访问一次，已超 {n} 天</translation>
    </message>
    <message>
        <source>Lunar birthdays</source>
        <translation>农历生日</translation>
    </message>
    <message>
        <source>Anniversaries</source>
        <translation>交易周年</translation>
    </message>
    <message>
        <source>{years} years of trading on {day}</source>
        <translation>{day} 交易满 {years} 年</translation>
    </message>
</context>
<context>
    <name>TodayPanel</name>
    <message>
        <source>Day</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>明天</translation>
    </message>
    <message>
        <source>Record visit…</source>
        <translation>记录访问…</translation>
    </message>
    <message>
        <source>Visits due</source>
        <translation>待访问</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在载入…</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次访问</translation>
    </message>
    <message>
        <source>Nothing due on {day}.</source>
        <translation>{day} 没有待办事项。</translation>
    </message>
    <message>
        <source>{day}: {due} to visit, {overdue} overdue, {birthdays} birthdays.</source>
        <translation>{day}：待访问 {due} 个，逾期 {overdue} 个，生日 {birthdays} 个。</translation>
    </message>
    <message>
        <source>{n} overdue by visit cadence.</source>
        <translation>{n} 个超过拜访周期。</translation>
    </message>
    <message>
        <source>Routes: {routes}</source>
        <translation>路线：{routes}</translation>
    </message>
    <message>
        <source>To visit</source>
        <translation>待访问</translation>
    </message>
    <message>
        <source>{route}, stop {n}</source>
        <translation>{route}，第 {n} 站</translation>
    </message>
    <message>
        <source>planned visit</source>
        <translation>计划访问</translation>
    </message>
    <message>
        <source>Visited on this day already</source>
        <translation>当天已访问</translation>
    </message>
    <message>
        <source>Overdue follow-ups</source>
        <translation>逾期未跟进</translation>
    </message>
    <message>
        <source>planned {day}, {n} days late</source>
        <translation>计划于 {day}，已逾期 {n} 天</translation>
    </message>
    <message>
        <source>Birthdays in the next {n} days</source>
        <translation>未来 {n} 天内的生日</translation>
    </message>
    <message>
        <source>Birthdays today</source>
        <translation>今天的生日</translation>
    </message>
    <message>
        <source>… and {n} more — show all</source>
        <translation>… 还有 {n} 个 — 全部显示</translation>
    </message>
    <message>
        <source>Double-click to see all {n} rows</source>
        <translation>双击查看全部 {n} 行</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>in {n} days</source>
        <translation>{n} 天后</translation>
    </message>
    <message>
        <source>turns {age}</source>
        <translation>满 {age} 岁</translation>
    </message>
</context>
<context>
    <name>TodaySectionDialog</name>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>{first}–{last} of {total}</source>
        <translation>{first}–{last} / 共 {total}</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer customers</source>
        <translation>转移客户</translation>
    </message>
    <message>
        <source>%1 selected customers get a new owner. Their route stops and planned visits move with them; each keeps a history entry.</source>
        <translation>所选的 %1 个客户将更换负责人。其路线站点和计划访问随之转移；每个客户都保留一条历史记录。</translation>
    </message>
    <message>
        <source>New owner:</source>
        <translation>新负责人：</translation>
    </message>
    <message>
        <source>&amp;Transfer</source>
        <translation>转移(&amp;T)</translation>
    </message>
</context>
<context>
    <name>UserForm</name>
    <message>
        <source>Add user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>Change user</source>
        <translation>修改用户</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <source>Display name:</source>
        <translation>显示名称：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Manager:</source>
        <translation>上级：</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Users and rights</source>
        <translation>用户与权限</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>添加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Change…</source>
        <translation>修改(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Disable</source>
        <translation>停用(&amp;D)</translation>
    </message>
    <message>
        <source>Set &amp;password…</source>
        <translation>设置密码(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Transfer customers…</source>
        <translation>转移客户(&amp;T)…</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>no password</source>
        <translation>无密码</translation>
    </message>
    <message>
        <source>Disable user</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>Disable %1? They can no longer log in; their name stays in the history.</source>
        <translation>停用 %1？停用后不能再登录；历史记录中仍保留其姓名。</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>新密码：</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>两次输入的密码不同；未做任何更改。</translation>
    </message>
    <message>
        <source>Password of %1</source>
        <translation>%1 的密码</translation>
    </message>
    <message>
        <source>Logins start now</source>
        <translation>从现在起需要登录</translation>
    </message>
    <message>
        <source>This is the first password: from now on everyone logs in. Set your own password too.</source>
        <translation>这是第一个密码：此后每个人都需要登录。请同时设置您自己的密码。</translation>
    </message>
    <message>
        <source>Your own password</source>
        <translation>您自己的密码</translation>
    </message>
    <message>
        <source>Transfer the customers of %1</source>
        <translation>转移 %1 的客户</translation>
    </message>
    <message>
        <source>New owner:</source>
        <translation>新负责人：</translation>
    </message>
    <message>
        <source>%1 customers now belong to %2.</source>
        <translation>%1 个客户已转给 %2。</translation>
    </message>
</context>
<context>
    <name>VisitDialog</name>
    <message>
        <source>Edit visit report</source>
        <translation>编辑访问报告</translation>
    </message>
    <message>
        <source>Record visit</source>
        <translation>记录访问</translation>
    </message>
    <message>
        <source>Plan the next visit</source>
        <translation>计划下次访问</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现的情况</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次访问</translation>
    </message>
</context>
<context>
    <name>WindowBackups</name>
    <message>
        <source>&amp;Back up now</source>
        <translation>立即备份(&amp;B)</translation>
    </message>
    <message>
        <source>&amp;Restore a backup…</source>
        <translation>恢复备份(&amp;R)…</translation>
    </message>
    <message>
        <source>&amp;Check and repair the database…</source>
        <translation>检查并修复数据库(&amp;C)…</translation>
    </message>
    <message>
        <source>The database has %1 problems that can be repaired: File → Check and repair the database…</source>
        <translation>数据库有 %1 个可以修复的问题：文件 → 检查并修复数据库…</translation>
    </message>
    <message>
        <source>Writes a backup of the server database with PostgreSQL&apos;s pg_dump</source>
        <translation>用 PostgreSQL 的 pg_dump 备份服务器数据库</translation>
    </message>
    <message>
        <source>A server database is restored on the server with pg_restore (docs/SERVER.md), not from the window</source>
        <translation>服务器数据库要由管理员在服务器上用 pg_restore 恢复（见 docs/SERVER.md），不在窗口中恢复</translation>
    </message>
    <message>
        <source>Automatic backups</source>
        <translation>自动备份</translation>
    </message>
    <message>
        <source>Backed up to %1 (verified)</source>
        <translation>已备份到 %1（已校验）</translation>
    </message>
    <message>
        <source>Backing up the database…</source>
        <translation>正在备份数据库…</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Replace the data of %1 with the backup %2?

The current database is kept aside first (its name says before-restore); the window opens again with the restored data.</source>
        <translation>用备份 %2 替换 %1 的数据吗？

当前数据库会先另存一份（文件名含 before-restore）；窗口随后用恢复的数据重新打开。</translation>
    </message>
    <message>
        <source>Repairing the database…</source>
        <translation>正在修复数据库…</translation>
    </message>
</context>
<context>
    <name>WindowCare</name>
    <message>
        <source>Visit &amp;cadence by grade…</source>
        <translation>按等级的拜访周期(&amp;C)…</translation>
    </message>
    <message>
        <source>Care</source>
        <translation>客户关怀</translation>
    </message>
</context>
<context>
    <name>WindowExports</name>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Open a card or select customers to print.</source>
        <translation>请先打开一张档案卡或选择要打印的客户。</translation>
    </message>
    <message>
        <source>Preparing the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>There are no customers in the list to export.</source>
        <translation>列表中没有可导出的客户。</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting %1 customers…</source>
        <translation>正在导出 %1 个客户…</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>已导出到 %1</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
</context>
<context>
    <name>WindowHelpSettings</name>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>kehu &amp;manual</source>
        <translation>kehu 使用说明(&amp;M)</translation>
    </message>
    <message>
        <source>The new language shows from the next start.</source>
        <translation>新的语言将在下次启动时生效。</translation>
    </message>
</context>
<context>
    <name>WindowKeyboard</name>
    <message>
        <source>Classification trees</source>
        <translation>分类树</translation>
    </message>
    <message>
        <source>Open cards</source>
        <translation>已打开的档案卡</translation>
    </message>
    <message>
        <source>Views</source>
        <translation>视图</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;New customer</source>
        <translation>新建客户(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Save card</source>
        <translation>保存档案卡(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>打印(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation>查找(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>刷新(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Undo classification</source>
        <translation>撤销分类操作(&amp;U)</translation>
    </message>
    <message>
        <source>&amp;Close card</source>
        <translation>关闭档案卡(&amp;C)</translation>
    </message>
    <message>
        <source>Open card in own &amp;window</source>
        <translation>在单独窗口中打开档案卡(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Archive / restore</source>
        <translation>归档/恢复(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Classify selected…</source>
        <translation>为所选客户分类(&amp;C)…</translation>
    </message>
    <message>
        <source>Find &amp;duplicates…</source>
        <translation>查找重复客户(&amp;D)…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Import Excel file…</source>
        <translation>导入 Excel 文件(&amp;I)…</translation>
    </message>
    <message>
        <source>&amp;About kehu</source>
        <translation>关于客户档案管理(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Main toolbar</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>About kehu</source>
        <translation>关于客户档案管理</translation>
    </message>
    <message>
        <source>kehu %1 — client records for small businesses.

Anyone who can open the database file can read it; per-user visibility is a convenience, not a lock.</source>
        <translation>客户档案管理 %1 — 面向小企业的客户档案系统。

能打开数据库文件的人都能读取其中的内容；按用户划分的可见范围只是方便使用，并不是加密保护。</translation>
    </message>
    <message>
        <source>Licences…</source>
        <translation>许可证…</translation>
    </message>
</context>
<context>
    <name>WindowOffice</name>
    <message>
        <source>&amp;Office</source>
        <translation>办公室(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Users and rights…</source>
        <translation>用户与权限(&amp;U)…</translation>
    </message>
    <message>
        <source>&amp;Audit trail…</source>
        <translation>审计记录(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Log out / switch user…</source>
        <translation>注销/切换用户(&amp;L)…</translation>
    </message>
    <message>
        <source>Key persons without &amp;consent…</source>
        <translation>未同意的关键人物(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Transfer selected to…</source>
        <translation>将所选客户转给(&amp;T)…</translation>
    </message>
    <message>
        <source>S&amp;hare selected…</source>
        <translation>共享所选客户(&amp;H)…</translation>
    </message>
    <message>
        <source>&amp;Erase customer (privacy request)…</source>
        <translation>删除客户（个人信息删除请求）(&amp;E)…</translation>
    </message>
    <message>
        <source>Nobody logs in to this database yet: Office → Users gives passwords</source>
        <translation>此数据库尚无人需要登录：在“办公室 → 用户与权限”中设置密码后即可注销/切换用户</translation>
    </message>
    <message>
        <source>Select customers in the list first.</source>
        <translation>请先在列表中选择客户。</translation>
    </message>
    <message>
        <source>Transfer customers</source>
        <translation>转移客户</translation>
    </message>
    <message>
        <source>%1 customers now belong to %2.</source>
        <translation>%1 个客户已转给 %2。</translation>
    </message>
    <message>
        <source>Transferring %1 customers…</source>
        <translation>正在转移 %1 个客户…</translation>
    </message>
    <message>
        <source>Share customers</source>
        <translation>共享客户</translation>
    </message>
    <message>
        <source>Erase customer</source>
        <translation>彻底删除客户</translation>
    </message>
</context>
<context>
    <name>WindowPrinting</name>
    <message>
        <source>Save as PDF</source>
        <translation>另存为 PDF</translation>
    </message>
    <message>
        <source>Preparing the PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>已保存 %1</translation>
    </message>
</context>
<context>
    <name>kehu</name>
    <message>
        <source>kehu client records. Without a command, opens the main window.</source>
        <translation>客户档案管理。不带命令时打开主窗口。</translation>
    </message>
    <message>
        <source>database file (default: kehu.db in the user data folder)</source>
        <translation>数据库文件（默认：用户数据文件夹中的 kehu.db）</translation>
    </message>
    <message>
        <source>language (default: the system&apos;s)</source>
        <translation>界面语言（默认跟随系统）</translation>
    </message>
    <message>
        <source>act as this user (databases with several users)</source>
        <translation>以该用户身份运行（数据库有多个用户时）</translation>
    </message>
    <message>
        <source>Cancelled.</source>
        <translation>已取消。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码不正确。</translation>
    </message>
    <message>
        <source>A password is needed: run in a terminal or set KEHU_PASSWORD.</source>
        <translation>需要密码：请在终端中运行，或设置 KEHU_PASSWORD。</translation>
    </message>
    <message>
        <source>Password for {user}: </source>
        <translation>{user} 的密码：</translation>
    </message>
    <message>
        <source>Import number {batch}; undo with: kehu import --undo {batch}</source>
        <translation>导入编号 {batch}；撤销：kehu import --undo {batch}</translation>
    </message>
    <message>
        <source>Import {batch} undone ({n} records)</source>
        <translation>已撤销导入 {batch}（{n} 条记录）</translation>
    </message>
    <message>
        <source>import from Excel or CSV</source>
        <translation>从 Excel/CSV 导入</translation>
    </message>
    <message>
        <source>.xlsx or .csv file</source>
        <translation>.xlsx 或 .csv 文件</translation>
    </message>
    <message>
        <source>sheet name</source>
        <translation>工作表名称</translation>
    </message>
    <message>
        <source>second sheet with key persons</source>
        <translation>联系人所在的第二个工作表</translation>
    </message>
    <message>
        <source>column mapping file (JSON)</source>
        <translation>列映射文件 (JSON)</translation>
    </message>
    <message>
        <source>save the detected mapping</source>
        <translation>把识别出的列映射保存到文件</translation>
    </message>
    <message>
        <source>duplicates: skip / update empty fields / overwrite / import anyway</source>
        <translation>重复时：跳过 / 只补空白字段 / 覆盖 / 仍然导入</translation>
    </message>
    <message>
        <source>check only, write nothing</source>
        <translation>只检查，不写入</translation>
    </message>
    <message>
        <source>skip hidden rows</source>
        <translation>跳过隐藏行</translation>
    </message>
    <message>
        <source>write rejected rows to this .xlsx</source>
        <translation>未导入行的报告 (.xlsx)</translation>
    </message>
    <message>
        <source>undo an import</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>undo despite later edits</source>
        <translation>导入后有修改也撤销</translation>
    </message>
    <message>
        <source>recent imports</source>
        <translation>最近的导入</translation>
    </message>
    <message>
        <source>Mapping saved to {path}</source>
        <translation>列映射已保存到 {path}</translation>
    </message>
    <message>
        <source>  … {n} more (see the report file)</source>
        <translation>  ……另有 {n} 条（见报告文件）</translation>
    </message>
    <message>
        <source>Rejected rows and warnings written to {path}</source>
        <translation>未导入的行和提醒已写入 {path}</translation>
    </message>
    <message>
        <source>Name the file to import</source>
        <translation>请指定要导入的文件</translation>
    </message>
    <message>
        <source>Cancelled: nothing was imported</source>
        <translation>已取消：没有导入任何内容</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>客户资料</translation>
    </message>
    <message>
        <source>Basic information</source>
        <translation>基础资料</translation>
    </message>
    <message>
        <source>Customer features</source>
        <translation>客户特征</translation>
    </message>
    <message>
        <source>Business situation</source>
        <translation>业务状况</translation>
    </message>
    <message>
        <source>Trading activity</source>
        <translation>交易活动现状</translation>
    </message>
    <message>
        <source>Record management</source>
        <translation>档案管理</translation>
    </message>
    <message>
        <source>Key person</source>
        <translation>关键人物</translation>
    </message>
    <message>
        <source>Consent (PIPL)</source>
        <translation>个人信息同意</translation>
    </message>
    <message>
        <source>AAA excellent</source>
        <translation>AAA 信用极好</translation>
    </message>
    <message>
        <source>AA very good</source>
        <translation>AA 信用优良</translation>
    </message>
    <message>
        <source>A good</source>
        <translation>A 信用较好</translation>
    </message>
    <message>
        <source>B fair</source>
        <translation>B 信用一般</translation>
    </message>
    <message>
        <source>C poor</source>
        <translation>C 信用较差</translation>
    </message>
    <message>
        <source>D bad</source>
        <translation>D 信用很差</translation>
    </message>
    <message>
        <source>Salesperson visit</source>
        <translation>推销员访问</translation>
    </message>
    <message>
        <source>Filled in by customer</source>
        <translation>客户填写</translation>
    </message>
    <message>
        <source>Investigation agency</source>
        <translation>专业调查机构</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Reviewed</source>
        <translation>已审核</translation>
    </message>
    <message>
        <source>Pending review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>State-owned enterprise</source>
        <translation>国有企业</translation>
    </message>
    <message>
        <source>Collective enterprise</source>
        <translation>集体企业</translation>
    </message>
    <message>
        <source>Private enterprise</source>
        <translation>私营企业</translation>
    </message>
    <message>
        <source>Limited liability company</source>
        <translation>有限责任公司</translation>
    </message>
    <message>
        <source>Joint-stock company</source>
        <translation>股份有限公司</translation>
    </message>
    <message>
        <source>Joint venture</source>
        <translation>中外合资企业</translation>
    </message>
    <message>
        <source>Individual business</source>
        <translation>个体工商户</translation>
    </message>
    <message>
        <source>Partnership</source>
        <translation>合伙企业</translation>
    </message>
    <message>
        <source>Government institution</source>
        <translation>机关事业单位</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>所有者</translation>
    </message>
    <message>
        <source>Manager</source>
        <translation>经营管理者</translation>
    </message>
    <message>
        <source>Legal representative</source>
        <translation>法人代表</translation>
    </message>
    <message>
        <source>Purchasing</source>
        <translation>采购</translation>
    </message>
    <message>
        <source>Finance</source>
        <translation>财务</translation>
    </message>
    <message>
        <source>Primary school</source>
        <translation>小学</translation>
    </message>
    <message>
        <source>Middle school</source>
        <translation>初中</translation>
    </message>
    <message>
        <source>High school</source>
        <translation>高中/中专</translation>
    </message>
    <message>
        <source>College</source>
        <translation>大专</translation>
    </message>
    <message>
        <source>Bachelor</source>
        <translation>本科</translation>
    </message>
    <message>
        <source>Master</source>
        <translation>硕士</translation>
    </message>
    <message>
        <source>Doctorate</source>
        <translation>博士</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>本人同意</translation>
    </message>
    <message>
        <source>Necessary for a contract</source>
        <translation>履行合同所必需</translation>
    </message>
    <message>
        <source>Publicly disclosed</source>
        <translation>已公开信息</translation>
    </message>
    <message>
        <source>Other legal basis</source>
        <translation>其他法定情形</translation>
    </message>
    <message>
        <source>Customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Postal code</source>
        <translation>邮编</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Fax</source>
        <translation>传真</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>电子邮箱</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>网址</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>纬度</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>经度</translation>
    </message>
    <message>
        <source>Founded on</source>
        <translation>创业时间</translation>
    </message>
    <message>
        <source>Trading with us since</source>
        <translation>与本公司交易起始时间</translation>
    </message>
    <message>
        <source>Organisation form</source>
        <translation>企业组织形式</translation>
    </message>
    <message>
        <source>Industry</source>
        <translation>业种</translation>
    </message>
    <message>
        <source>Registered capital</source>
        <translation>注册资本</translation>
    </message>
    <message>
        <source>Assets</source>
        <translation>资产</translation>
    </message>
    <message>
        <source>Service area</source>
        <translation>服务区域</translation>
    </message>
    <message>
        <source>Sales capacity</source>
        <translation>销售能力</translation>
    </message>
    <message>
        <source>Development potential</source>
        <translation>发展潜力</translation>
    </message>
    <message>
        <source>Business philosophy</source>
        <translation>经营观念</translation>
    </message>
    <message>
        <source>Business policy</source>
        <translation>经营方针与政策</translation>
    </message>
    <message>
        <source>Employees</source>
        <translation>职工人数</translation>
    </message>
    <message>
        <source>Annual sales</source>
        <translation>年销售额</translation>
    </message>
    <message>
        <source>Management style</source>
        <translation>经营管理特点</translation>
    </message>
    <message>
        <source>Sales record</source>
        <translation>销售实绩</translation>
    </message>
    <message>
        <source>Quality of managers and staff</source>
        <translation>经营管理者和业务人员的素质</translation>
    </message>
    <message>
        <source>Relations with competitors</source>
        <translation>与其他竞争公司的关系</translation>
    </message>
    <message>
        <source>Cooperation with us</source>
        <translation>与本公司的业务联系及合作态度</translation>
    </message>
    <message>
        <source>Sales activity</source>
        <translation>客户的销售活动状况</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>存在的问题</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>保持的优势</translation>
    </message>
    <message>
        <source>Countermeasures</source>
        <translation>未来的对策</translation>
    </message>
    <message>
        <source>Reputation and image</source>
        <translation>企业信誉与形象</translation>
    </message>
    <message>
        <source>Credit status</source>
        <translation>信用状况</translation>
    </message>
    <message>
        <source>Credit limit</source>
        <translation>信用额度</translation>
    </message>
    <message>
        <source>Trade terms</source>
        <translation>交易条件</translation>
    </message>
    <message>
        <source>Past credit issues</source>
        <translation>以往出现的信用问题</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>资料来源</translation>
    </message>
    <message>
        <source>Review state</source>
        <translation>审核状态</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职务</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Age</source>
        <translation>年龄</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>学历</translation>
    </message>
    <message>
        <source>Personality</source>
        <translation>性格</translation>
    </message>
    <message>
        <source>Hobbies</source>
        <translation>嗜好</translation>
    </message>
    <message>
        <source>Family</source>
        <translation>家庭</translation>
    </message>
    <message>
        <source>Ability</source>
        <translation>能力</translation>
    </message>
    <message>
        <source>Resident ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>处理依据</translation>
    </message>
    <message>
        <source>Consent date</source>
        <translation>同意日期</translation>
    </message>
    <message>
        <source>Consent channel</source>
        <translation>同意方式</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>商品</translation>
    </message>
    <message>
        <source>Product code</source>
        <translation>商品编号</translation>
    </message>
    <message>
        <source>Product category</source>
        <translation>商品类别</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>The database already exists: {path} ({mode} mode)</source>
        <translation>数据库已存在：{path}（{mode} 模式）</translation>
    </message>
    <message>
        <source>Created database {path} ({mode} mode)</source>
        <translation>已创建数据库：{path}（{mode} 模式）</translation>
    </message>
    <message>
        <source>create a database</source>
        <translation>创建数据库</translation>
    </message>
    <message>
        <source>local: this computer (WAL); shared: a file on a network drive</source>
        <translation>local：本机（WAL）；shared：网络共享文件</translation>
    </message>
    <message>
        <source>check integrity, schema and counts</source>
        <translation>检查数据库完整性、结构版本和数量</translation>
    </message>
    <message>
        <source>print JSON</source>
        <translation>输出 JSON</translation>
    </message>
    <message>
        <source>back up the database</source>
        <translation>备份数据库</translation>
    </message>
    <message>
        <source>backup file (default: a backups folder beside the database)</source>
        <translation>备份文件（默认：数据库旁的 backups 文件夹）</translation>
    </message>
    <message>
        <source>no progress line</source>
        <translation>不显示进度</translation>
    </message>
    <message>
        <source>restore a backup (verified first; the current database is kept aside)</source>
        <translation>从备份恢复（先校验备份，原数据库另存）</translation>
    </message>
    <message>
        <source>Database: {value}</source>
        <translation>数据库：{value}</translation>
    </message>
    <message>
        <source>Mode: {value}</source>
        <translation>模式：{value}</translation>
    </message>
    <message>
        <source>Schema version: {value}</source>
        <translation>结构版本：{value}</translation>
    </message>
    <message>
        <source>Integrity: {value}</source>
        <translation>完整性：{value}</translation>
    </message>
    <message>
        <source>Foreign-key problems: {value}</source>
        <translation>外键问题：{value}</translation>
    </message>
    <message>
        <source>Backed up to {path}</source>
        <translation>已备份到 {path}</translation>
    </message>
    <message>
        <source>Restored {source} to {path} ({mode} mode).</source>
        <translation>已从 {source} 恢复到 {path}（{mode} 模式）。</translation>
    </message>
    <message>
        <source>The database is healthy.</source>
        <translation>数据库状态良好。</translation>
    </message>
    <message>
        <source>The database has problems: restore a backup.</source>
        <translation>数据库有问题，请从备份恢复。</translation>
    </message>
    <message>
        <source>The previous database was kept as {path}</source>
        <translation>原数据库已保存为 {path}</translation>
    </message>
    <message>
        <source>fill in demo data</source>
        <translation>生成演示数据</translation>
    </message>
    <message>
        <source>number of customers (default 1000)</source>
        <translation>客户数量（默认 1000）</translation>
    </message>
    <message>
        <source>random seed</source>
        <translation>随机种子</translation>
    </message>
    <message>
        <source>Generated {customers:,} customers, {persons:,} key persons, {routes:,} routes, {visits:,} visits and {sales:,} sale lines in {seconds:.1f} s.</source>
        <translation>已生成 {customers:,} 位客户、{persons:,} 位关键人物、{routes:,} 条路线、{visits:,} 条访问记录、{sales:,} 条销售记录，用时 {seconds:.1f} 秒。</translation>
    </message>
    <message>
        <source>find customers (name, pinyin, code, phone, key person)</source>
        <translation>搜索客户（名称、拼音、编号、电话、关键人物）</translation>
    </message>
    <message>
        <source>search text</source>
        <translation>搜索文字</translation>
    </message>
    <message>
        <source>at most N (20)</source>
        <translation>最多显示几条（默认 20）</translation>
    </message>
    <message>
        <source>include archived customers</source>
        <translation>包括已归档客户</translation>
    </message>
    <message>
        <source>{fmt} has no kind &apos;{kind}&apos;; choose from {kinds}</source>
        <translation>{fmt} 不支持 --kind {kind}，可选：{kinds}</translation>
    </message>
    <message>
        <source>Exported {n} customers to {path}</source>
        <translation>已导出 {n} 位客户到 {path}</translation>
    </message>
    <message>
        <source>export Excel or PDF</source>
        <translation>导出 Excel 或 PDF</translation>
    </message>
    <message>
        <source>usage: </source>
        <translation>用法：</translation>
    </message>
    <message>
        <source>positional arguments</source>
        <translation>位置参数</translation>
    </message>
    <message>
        <source>options</source>
        <translation>选项</translation>
    </message>
    <message>
        <source>show this help message and exit</source>
        <translation>显示本帮助并退出</translation>
    </message>
    <message>
        <source>show program&apos;s version number and exit</source>
        <translation>显示版本号并退出</translation>
    </message>
    <message>
        <source>%(prog)s: error: %(message)s
</source>
        <translation>%(prog)s：错误：%(message)s
</translation>
    </message>
    <message>
        <source>the following arguments are required: %s</source>
        <translation>缺少以下参数：%s</translation>
    </message>
    <message>
        <source>unrecognized arguments: %s</source>
        <translation>无法识别的参数：%s</translation>
    </message>
    <message>
        <source>invalid choice: %(value)r (choose from %(choices)s)</source>
        <translation>无效的选项：%(value)r（可选：%(choices)s）</translation>
    </message>
    <message>
        <source>argument %(argument_name)s: %(message)s</source>
        <translation>参数 %(argument_name)s：%(message)s</translation>
    </message>
    <message>
        <source>invalid %(type)s value: %(value)r</source>
        <translation>无效的 %(type)s 值：%(value)r</translation>
    </message>
    <message>
        <source>expected one argument</source>
        <translation>需要一个参数值</translation>
    </message>
    <message>
        <source>one of the arguments %s is required</source>
        <translation>必须给出参数 %s 之一</translation>
    </message>
    <message>
        <source>not allowed with argument %s</source>
        <translation>不能与参数 %s 同时使用</translation>
    </message>
    <message>
        <source>ambiguous option: %(option)s could match %(matches)s</source>
        <translation>选项不明确：%(option)s 可匹配 %(matches)s</translation>
    </message>
    <message>
        <source>This database has logins: say who you are with --user NAME (the password may come from KEHU_PASSWORD).</source>
        <translation>此数据库需要登录：请用 --user 用户名 说明身份（密码可来自 KEHU_PASSWORD）。</translation>
    </message>
    <message>
        <source>On a server you act as the user of your login ({login}), not as {user}: log in as {user} instead (postgresql://{user}@…).</source>
        <translation>在服务器上，您以登录名对应的用户（{login}）操作，而不是 {user}：请改用 {user} 登录（postgresql://{user}@…）。</translation>
    </message>
    <message>
        <source>file to write (xlsx or pdf)</source>
        <translation>要写入的文件（xlsx 或 pdf）</translation>
    </message>
    <message>
        <source>first month (2026-01)</source>
        <translation>起始月份（如 2026-01）</translation>
    </message>
    <message>
        <source>last month (2026-12)</source>
        <translation>结束月份（如 2026-12）</translation>
    </message>
    <message>
        <source>this month, quarter, year or the last 12 months (12m, the default)</source>
        <translation>本月、本季度、本年或近 12 个月（12m，默认）</translation>
    </message>
    <message>
        <source>scheme (grade, nature, trade_type, region…) or owner</source>
        <translation>分类维度（grade、nature、trade_type、region…）或 owner（按推销员）</translation>
    </message>
    <message>
        <source>ABC: A up to this cumulative %</source>
        <translation>ABC：A 类的累计占比上限 %</translation>
    </message>
    <message>
        <source>ABC: B up to this cumulative %</source>
        <translation>ABC：B 类的累计占比上限 %</translation>
    </message>
    <message>
        <source>ABC: apply the proposed grades</source>
        <translation>ABC：应用建议的等级</translation>
    </message>
    <message>
        <source>ABC: only say what would change</source>
        <translation>ABC：只显示将发生的变化</translation>
    </message>
    <message>
        <source>ABC: undo the latest grading</source>
        <translation>ABC：撤销最近一次等级划分</translation>
    </message>
    <message>
        <source>--apply, --dry-run and --undo belong to &apos;abc&apos;</source>
        <translation>--apply、--dry-run 和 --undo 只用于 abc</translation>
    </message>
    <message>
        <source>Grades of {n} customers given back ({skipped} changed since, kept)</source>
        <translation>已恢复 {n} 个客户的等级（{skipped} 个之后又被修改，保持不变）</translation>
    </message>
    <message>
        <source>{n} customers regraded in one step (undo: kehu analyse abc --undo)</source>
        <translation>已一次性调整 {n} 个客户的等级（撤销：kehu analyse abc --undo）</translation>
    </message>
    <message>
        <source>Written: {path}</source>
        <translation>已写入：{path}</translation>
    </message>
    <message>
        <source>{n} customers would change grade (nothing written)</source>
        <translation>{n} 个客户的等级将改变（未写入）</translation>
    </message>
    <message>
        <source>Say which file to write (OUT)</source>
        <translation>请指定要写入的文件（OUT）</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Wrote {n} audit entries to {path}</source>
        <translation>已将 {n} 条审计记录写入 {path}</translation>
    </message>
    <message>
        <source>read the audit trail (administrators; managers their team&apos;s)</source>
        <translation>查看审计记录（管理员；经理查看本团队的）</translation>
    </message>
    <message>
        <source>only this user&apos;s</source>
        <translation>仅此用户的</translation>
    </message>
    <message>
        <source>only this action (login, export, transfer…)</source>
        <translation>仅此操作（登录、导出、转移……）</translation>
    </message>
    <message>
        <source>only this customer&apos;s</source>
        <translation>仅此客户的</translation>
    </message>
    <message>
        <source>at most N (200)</source>
        <translation>最多 N 条（200）</translation>
    </message>
    <message>
        <source>write the entries to this .xlsx</source>
        <translation>将记录写入此 .xlsx 文件</translation>
    </message>
    <message>
        <source>local</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>shared</source>
        <translation>共享</translation>
    </message>
    <message>
        <source>server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Archived customers</source>
        <translation>已归档客户</translation>
    </message>
    <message>
        <source>Classification schemes</source>
        <translation>分类维度</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Route stops</source>
        <translation>路线站点</translation>
    </message>
    <message>
        <source>Sale lines</source>
        <translation>销售明细</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Audit entries</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>ok</source>
        <translation>正常</translation>
    </message>
    <message>
        <source>The database has problems: `kehu repair` rebuilds what is marked repairable.</source>
        <translation>数据库有问题：`kehu repair` 可以重建标为可修复的部分。</translation>
    </message>
    <message>
        <source>find likely duplicate customers</source>
        <translation>查找疑似重复的客户</translation>
    </message>
    <message>
        <source>the xlsx file to write</source>
        <translation>要写入的 xlsx 文件</translation>
    </message>
    <message>
        <source>at most N pairs (0: all)</source>
        <translation>最多 N 对（0：全部）</translation>
    </message>
    <message>
        <source>The score is between 0 and 100.</source>
        <translation>分数在 0 到 100 之间。</translation>
    </message>
    <message>
        <source>Say where to write the Excel file with --output FILE.xlsx.</source>
        <translation>请用 --output 文件.xlsx 指定 Excel 文件的位置。</translation>
    </message>
    <message>
        <source>{count:,} pairs</source>
        <translation>{count:,} 对</translation>
    </message>
    <message>
        <source>{count:,} pairs written to {path}</source>
        <translation>已写入 {count:,} 对到 {path}</translation>
    </message>
    <message>
        <source>No likely duplicates found.</source>
        <translation>没有发现疑似重复的客户。</translation>
    </message>
    <message>
        <source>lowest score shown, 0–100 (default {score})</source>
        <translation>显示的最低分数，0–100（默认 {score}）</translation>
    </message>
    <message>
        <source>customer codes, comma-separated</source>
        <translation>客户编号，逗号分隔</translation>
    </message>
    <message>
        <source>category (name or id, with sub-categories)</source>
        <translation>分类（名称或编号，含子分类）</translation>
    </message>
    <message>
        <source>route (name or id)</source>
        <translation>路线（名称或编号）</translation>
    </message>
    <message>
        <source>writer option (e.g. reveal=1: sensitive fields unmasked, admins and managers only)</source>
        <translation>导出选项（如 reveal=1 显示敏感信息，仅管理员和经理）</translation>
    </message>
    <message>
        <source>{path} exists and was not overwritten; name a new file with --rejected</source>
        <translation>{path} 已存在，未覆盖；请用 --rejected 指定新文件名</translation>
    </message>
    <message>
        <source>create missing categories (a path such as East/Shanghai is found and created level by level)</source>
        <translation>自动创建缺少的分类（“华东/上海”按层级查找和创建）</translation>
    </message>
    <message>
        <source>Write the rejected rows and warnings with --rejected FILE.xlsx</source>
        <translation>如需保存未导入的行和警告，请使用 --rejected 文件.xlsx</translation>
    </message>
    <message>
        <source>add kehu to the desktop&apos;s application menu (Linux; in ~/.local/share)</source>
        <translation>把客户档案加入桌面的应用程序菜单（Linux；写入 ~/.local/share）</translation>
    </message>
    <message>
        <source>remove the menu entry, icons and metainfo</source>
        <translation>删除菜单项、图标和应用元信息</translation>
    </message>
    <message>
        <source>{n} files written under {folder}.</source>
        <translation>已在 {folder} 下写入 {n} 个文件。</translation>
    </message>
    <message>
        <source>Menu entry: {path}</source>
        <translation>菜单项：{path}</translation>
    </message>
    <message>
        <source>Not needed here: the installer adds kehu to the menu.</source>
        <translation>此系统无需此操作：安装程序已把客户档案加入菜单。</translation>
    </message>
    <message>
        <source>{n} files removed.</source>
        <translation>已删除 {n} 个文件。</translation>
    </message>
    <message>
        <source>personal data: consent list, a person&apos;s copy (administrators)</source>
        <translation>个人信息：同意情况清单、个人信息副本（管理员）</translation>
    </message>
    <message>
        <source>key persons whose consent is missing or withdrawn</source>
        <translation>缺少或已撤回同意的关键人物</translation>
    </message>
    <message>
        <source>the key persons of a customer, with their ids</source>
        <translation>客户的关键人物及其编号</translation>
    </message>
    <message>
        <source>a copy of everything stored about one key person</source>
        <translation>某关键人物全部已存信息的副本</translation>
    </message>
    <message>
        <source>the key person&apos;s id</source>
        <translation>关键人物编号</translation>
    </message>
    <message>
        <source>the file to write</source>
        <translation>要写入的文件</translation>
    </message>
    <message>
        <source>{n} key persons without valid consent.</source>
        <translation>{n}位关键人物没有有效的同意。</translation>
    </message>
    <message>
        <source>Wrote the copy of personal data to {path}</source>
        <translation>个人信息副本已写入{path}</translation>
    </message>
    <message>
        <source>withdrawn on {date}</source>
        <translation>已于{date}撤回</translation>
    </message>
    <message>
        <source>no consent recorded</source>
        <translation>未记录同意</translation>
    </message>
    <message>
        <source>rebuild indexes, triggers, counts and search keys</source>
        <translation>重建索引、触发器、计数和搜索键</translation>
    </message>
    <message>
        <source>Nothing needed rebuilding.</source>
        <translation>没有需要重建的内容。</translation>
    </message>
    <message>
        <source>Nothing found for &apos;{text}&apos;</source>
        <translation>没有找到“{text}”</translation>
    </message>
    <message>
        <source>code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>owner</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>the server database&apos;s address: postgresql://user@host:port/name</source>
        <translation>服务器数据库的地址：postgresql://用户@主机:端口/数据库名</translation>
    </message>
    <message>
        <source>{url} is ready (schema {version}, row-level security on); {role} administers it.</source>
        <translation>{url} 已就绪（表结构版本 {version}，行级安全已开启）；由 {role} 管理。</translation>
    </message>
    <message>
        <source>Copied {rows} rows of {tables} tables to {where}; counts and checksums agree.</source>
        <translation>已将 {tables} 个数据表的 {rows} 行复制到 {where}；行数和校验和一致。</translation>
    </message>
    <message>
        <source>set up a server database, or move a database to or from a server</source>
        <translation>建立服务器数据库，或在文件与服务器之间迁移数据库</translation>
    </message>
    <message>
        <source>set up a server database: schema, roles, row-level security (administrator)</source>
        <translation>建立服务器数据库：表结构、角色、行级安全（管理员）</translation>
    </message>
    <message>
        <source>copy a database file to an empty server database, verified</source>
        <translation>把数据库文件复制到空的服务器数据库，并核对</translation>
    </message>
    <message>
        <source>the database file</source>
        <translation>数据库文件</translation>
    </message>
    <message>
        <source>copy a server database into a new database file, verified</source>
        <translation>把服务器数据库复制为新的数据库文件，并核对</translation>
    </message>
    <message>
        <source>the new database file</source>
        <translation>新的数据库文件</translation>
    </message>
    <message>
        <source>{n} customers now belong to {user} ({routes} routes and {stops} stops went along).</source>
        <translation>{n} 个客户已转给 {user}（随同转移 {routes} 条路线、{stops} 个站点）。</translation>
    </message>
    <message>
        <source>give customers to another owner (all of a user&apos;s, or by code)</source>
        <translation>把客户转给其他负责人（某用户的全部客户，或按编号）</translation>
    </message>
    <message>
        <source>the new owner</source>
        <translation>新负责人</translation>
    </message>
    <message>
        <source>all of this user&apos;s</source>
        <translation>此用户的全部客户</translation>
    </message>
    <message>
        <source>share customers with a colleague</source>
        <translation>与同事共享客户</translation>
    </message>
    <message>
        <source>allow editing too</source>
        <translation>也允许修改</translation>
    </message>
    <message>
        <source>take the share back</source>
        <translation>收回共享</translation>
    </message>
    <message>
        <source>Choose customers, or the user whose customers move.</source>
        <translation>请选择客户，或选择要转出其客户的用户。</translation>
    </message>
    <message>
        <source>{n} customers are no longer shared with {user}.</source>
        <translation>{n} 个客户不再与 {user} 共享。</translation>
    </message>
    <message>
        <source>{n} customers shared with {user}.</source>
        <translation>已与 {user} 共享 {n} 个客户。</translation>
    </message>
    <message>
        <source>Added {user} ({role}). Give them a password with: kehu user passwd {user}</source>
        <translation>已添加 {user}（{role}）。用 kehu user passwd {user} 为其设置密码。</translation>
    </message>
    <message>
        <source>New password for {user}: </source>
        <translation>{user} 的新密码：</translation>
    </message>
    <message>
        <source>These users cannot log in until they have a password: {users}</source>
        <translation>以下用户设置密码之前无法登录：{users}</translation>
    </message>
    <message>
        <source>manage users (administrators)</source>
        <translation>管理用户（管理员）</translation>
    </message>
    <message>
        <source>add a user</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>user name (for logging in)</source>
        <translation>用户名（登录用）</translation>
    </message>
    <message>
        <source>role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>the user&apos;s manager</source>
        <translation>该用户的上级</translation>
    </message>
    <message>
        <source>name shown in lists</source>
        <translation>列表中显示的名称</translation>
    </message>
    <message>
        <source>list the users as the manager hierarchy</source>
        <translation>按上下级层次列出用户</translation>
    </message>
    <message>
        <source>change a user&apos;s role, manager or display name</source>
        <translation>修改用户的角色、上级或显示名称</translation>
    </message>
    <message>
        <source>the user&apos;s manager (&apos;&apos; for none)</source>
        <translation>该用户的上级（&apos;&apos; 表示无）</translation>
    </message>
    <message>
        <source>disable a user (never deleted)</source>
        <translation>停用用户（永不删除）</translation>
    </message>
    <message>
        <source>enable a disabled user again</source>
        <translation>重新启用已停用的用户</translation>
    </message>
    <message>
        <source>set a user&apos;s password (turns logins on)</source>
        <translation>设置用户密码（开启登录）</translation>
    </message>
    <message>
        <source>Changed {user}.</source>
        <translation>已修改 {user}。</translation>
    </message>
    <message>
        <source>Disabled {user}; their records and history keep the name.</source>
        <translation>已停用 {user}；其记录和历史仍保留此名称。</translation>
    </message>
    <message>
        <source>Enabled {user}.</source>
        <translation>已启用 {user}。</translation>
    </message>
    <message>
        <source>A new password is needed: run in a terminal or set {env}.</source>
        <translation>需要新密码：请在终端中运行或设置 {env}。</translation>
    </message>
    <message>
        <source>Again: </source>
        <translation>再输入一次：</translation>
    </message>
    <message>
        <source>The two passwords differ; nothing was changed.</source>
        <translation>两次输入的密码不同；未做任何更改。</translation>
    </message>
    <message>
        <source>Your own new password ({user}): </source>
        <translation>您自己的新密码（{user}）：</translation>
    </message>
    <message>
        <source>Password of {user} set.</source>
        <translation>已设置 {user} 的密码。</translation>
    </message>
    <message>
        <source>This is the first password: from now on everyone logs in, you too.</source>
        <translation>这是第一个密码：此后每个人都需要登录，包括您。</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>no password</source>
        <translation>无密码</translation>
    </message>
    <message>
        <source>Logged in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Failed login</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>User added</source>
        <translation>添加用户</translation>
    </message>
    <message>
        <source>User changed</source>
        <translation>修改用户</translation>
    </message>
    <message>
        <source>User disabled</source>
        <translation>停用用户</translation>
    </message>
    <message>
        <source>User enabled</source>
        <translation>启用用户</translation>
    </message>
    <message>
        <source>Password set</source>
        <translation>设置密码</translation>
    </message>
    <message>
        <source>Customer created</source>
        <translation>新建客户</translation>
    </message>
    <message>
        <source>Customer changed</source>
        <translation>修改客户</translation>
    </message>
    <message>
        <source>Customer archived</source>
        <translation>归档客户</translation>
    </message>
    <message>
        <source>Customer restored from the archive</source>
        <translation>从归档恢复客户</translation>
    </message>
    <message>
        <source>Customer erased</source>
        <translation>客户已删除</translation>
    </message>
    <message>
        <source>Key person erased</source>
        <translation>删除关键人物</translation>
    </message>
    <message>
        <source>Sensitive field shown</source>
        <translation>查看敏感字段</translation>
    </message>
    <message>
        <source>Copy of personal data made</source>
        <translation>生成个人信息副本</translation>
    </message>
    <message>
        <source>Customers merged</source>
        <translation>合并客户</translation>
    </message>
    <message>
        <source>Merge undone</source>
        <translation>撤销合并</translation>
    </message>
    <message>
        <source>Customers transferred</source>
        <translation>转移客户</translation>
    </message>
    <message>
        <source>Customers shared</source>
        <translation>共享客户</translation>
    </message>
    <message>
        <source>Share taken back</source>
        <translation>收回共享</translation>
    </message>
    <message>
        <source>Customers classified</source>
        <translation>客户分类</translation>
    </message>
    <message>
        <source>Classification undone</source>
        <translation>撤销分类</translation>
    </message>
    <message>
        <source>Category added</source>
        <translation>添加分类</translation>
    </message>
    <message>
        <source>Category renamed</source>
        <translation>重命名分类</translation>
    </message>
    <message>
        <source>Category moved</source>
        <translation>移动分类</translation>
    </message>
    <message>
        <source>Categories merged</source>
        <translation>合并分类</translation>
    </message>
    <message>
        <source>Category deleted</source>
        <translation>删除分类</translation>
    </message>
    <message>
        <source>ABC grades applied</source>
        <translation>应用 ABC 等级</translation>
    </message>
    <message>
        <source>ABC grades undone</source>
        <translation>撤销 ABC 等级</translation>
    </message>
    <message>
        <source>Excel import</source>
        <translation>Excel 导入</translation>
    </message>
    <message>
        <source>Import undone</source>
        <translation>撤销导入</translation>
    </message>
    <message>
        <source>Customer form received</source>
        <translation>收到客户资料表</translation>
    </message>
    <message>
        <source>Customer form reviewed</source>
        <translation>审核客户资料表</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Audit trail exported</source>
        <translation>导出审计记录</translation>
    </message>
    <message>
        <source>Route created</source>
        <translation>新建路线</translation>
    </message>
    <message>
        <source>Route changed</source>
        <translation>修改路线</translation>
    </message>
    <message>
        <source>Route deleted</source>
        <translation>删除路线</translation>
    </message>
    <message>
        <source>Stops added to a route</source>
        <translation>添加路线站点</translation>
    </message>
    <message>
        <source>Stops removed from a route</source>
        <translation>移除路线站点</translation>
    </message>
    <message>
        <source>Route stops reordered</source>
        <translation>调整路线顺序</translation>
    </message>
    <message>
        <source>Visit recorded</source>
        <translation>记录访问</translation>
    </message>
    <message>
        <source>Visit changed</source>
        <translation>修改访问</translation>
    </message>
    <message>
        <source>Visit deleted</source>
        <translation>删除访问</translation>
    </message>
    <message>
        <source>Sale line added</source>
        <translation>添加销售明细</translation>
    </message>
    <message>
        <source>Sale line changed</source>
        <translation>修改销售明细</translation>
    </message>
    <message>
        <source>Sale line deleted</source>
        <translation>删除销售明细</translation>
    </message>
    <message>
        <source>Product added</source>
        <translation>添加商品</translation>
    </message>
    <message>
        <source>Product changed</source>
        <translation>修改商品</translation>
    </message>
    <message>
        <source>Product deleted</source>
        <translation>删除商品</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>备份</translation>
    </message>
    <message>
        <source>Database moved to a server</source>
        <translation>数据库已迁移到服务器</translation>
    </message>
    <message>
        <source>Server database copied to a file</source>
        <translation>服务器数据库已复制为文件</translation>
    </message>
    <message>
        <source>Backup restored</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Database repaired</source>
        <translation>修复数据库</translation>
    </message>
    <message>
        <source>Demo data filled in</source>
        <translation>填入演示数据</translation>
    </message>
    <message>
        <source>Settings changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>added</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>may edit</source>
        <translation>可编辑</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>变更</translation>
    </message>
    <message>
        <source>created</source>
        <translation>新建</translation>
    </message>
    <message>
        <source>customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>customers selected</source>
        <translation>选中客户数</translation>
    </message>
    <message>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>display name</source>
        <translation>显示名</translation>
    </message>
    <message>
        <source>fields</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>file</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>file SHA-256</source>
        <translation>文件 SHA-256</translation>
    </message>
    <message>
        <source>filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>first</source>
        <translation>首次</translation>
    </message>
    <message>
        <source>forced</source>
        <translation>强制</translation>
    </message>
    <message>
        <source>format</source>
        <translation>格式</translation>
    </message>
    <message>
        <source>from user</source>
        <translation>原用户</translation>
    </message>
    <message>
        <source>history</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>ids</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>sale line</source>
        <translation>销售明细</translation>
    </message>
    <message>
        <source>merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>moved</source>
        <translation>移动</translation>
    </message>
    <message>
        <source>moved from</source>
        <translation>移自</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>new parent</source>
        <translation>新上级</translation>
    </message>
    <message>
        <source>old</source>
        <translation>旧值</translation>
    </message>
    <message>
        <source>old parent</source>
        <translation>原上级</translation>
    </message>
    <message>
        <source>owners</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>pages</source>
        <translation>页数</translation>
    </message>
    <message>
        <source>path</source>
        <translation>路径</translation>
    </message>
    <message>
        <source>key person</source>
        <translation>关键人物</translation>
    </message>
    <message>
        <source>key persons</source>
        <translation>关键人物</translation>
    </message>
    <message>
        <source>reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>拒绝</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>已恢复</translation>
    </message>
    <message>
        <source>sensitive fields shown</source>
        <translation>显示敏感字段</translation>
    </message>
    <message>
        <source>review</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>routes</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>reviews</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>routes moved</source>
        <translation>移动的路线</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行数</translation>
    </message>
    <message>
        <source>sale lines</source>
        <translation>销售明细</translation>
    </message>
    <message>
        <source>scheme</source>
        <translation>分类方案</translation>
    </message>
    <message>
        <source>seed</source>
        <translation>种子</translation>
    </message>
    <message>
        <source>selection</source>
        <translation>选择范围</translation>
    </message>
    <message>
        <source>sheet</source>
        <translation>工作表</translation>
    </message>
    <message>
        <source>skipped</source>
        <translation>跳过</translation>
    </message>
    <message>
        <source>source</source>
        <translation>来源</translation>
    </message>
    <message>
        <source>status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>stops</source>
        <translation>站点</translation>
    </message>
    <message>
        <source>summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>thresholds</source>
        <translation>阈值</translation>
    </message>
    <message>
        <source>throttled</source>
        <translation>已限流</translation>
    </message>
    <message>
        <source>unchanged</source>
        <translation>未变</translation>
    </message>
    <message>
        <source>updated</source>
        <translation>更新</translation>
    </message>
    <message>
        <source>version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>visit</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>visit every (days)</source>
        <translation>拜访周期（天）</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>拜访</translation>
    </message>
    <message>
        <source>warnings</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>watermark</source>
        <translation>水印</translation>
    </message>
    <message>
        <source>user</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>from</source>
        <translation>起</translation>
    </message>
    <message>
        <source>to</source>
        <translation>止</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Solar calendar</source>
        <translation>公历</translation>
    </message>
    <message>
        <source>Lunar calendar (农历)</source>
        <translation>农历</translation>
    </message>
    <message>
        <source>Archived</source>
        <translation>已归档</translation>
    </message>
    <message>
        <source>Routine report</source>
        <translation>日常报告</translation>
    </message>
    <message>
        <source>Urgent report</source>
        <translation>紧急报告</translation>
    </message>
    <message>
        <source>Periodic report</source>
        <translation>定期报告</translation>
    </message>
    <message>
        <source>not computed yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <source>same name</source>
        <translation>名称相同</translation>
    </message>
    <message>
        <source>similar name</source>
        <translation>名称相似</translation>
    </message>
    <message>
        <source>short name</source>
        <translation>简称</translation>
    </message>
    <message>
        <source>same USCC</source>
        <translation>统一社会信用代码相同</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>电话相同</translation>
    </message>
    <message>
        <source>same address</source>
        <translation>地址相同</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>建档日期</translation>
    </message>
    <message>
        <source>Birthday calendar</source>
        <translation>生日历法</translation>
    </message>
    <message>
        <source>Consent withdrawn on</source>
        <translation>撤回同意日期</translation>
    </message>
    <message>
        <source>{lunar} ({year} {when})</source>
        <translation>{lunar} ({year}年 {when})</translation>
    </message>
    <message>
        <source>{lunar} (this year {when})</source>
        <translation>{lunar} (今年 {when})</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>本月</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>本季度</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>本年</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>近 12 个月</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>自定义</translation>
    </message>
    <message>
        <source>Unknown period &apos;{name}&apos;</source>
        <translation>未知的期间“{name}”</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a month or a date (2026-03 or 2026-03-15)</source>
        <translation>“{text}”不是月份或日期（如 2026-03 或 2026-03-15）</translation>
    </message>
    <message>
        <source>The period ends before it starts</source>
        <translation>期间的结束早于开始</translation>
    </message>
    <message>
        <source>salesperson</source>
        <translation>推销员</translation>
    </message>
    <message>
        <source>manager</source>
        <translation>经理</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>your own and shared records</source>
        <translation>自己的和共享给自己的记录</translation>
    </message>
    <message>
        <source>your own and your team&apos;s records</source>
        <translation>自己和下属的记录</translation>
    </message>
    <message>
        <source>all records</source>
        <translation>全部记录</translation>
    </message>
    <message>
        <source>view customers</source>
        <translation>查看客户</translation>
    </message>
    <message>
        <source>edit customers</source>
        <translation>修改客户</translation>
    </message>
    <message>
        <source>archive or restore customers</source>
        <translation>归档或恢复客户</translation>
    </message>
    <message>
        <source>erase customers or key persons</source>
        <translation>删除客户或联系人</translation>
    </message>
    <message>
        <source>show sensitive fields</source>
        <translation>显示敏感信息</translation>
    </message>
    <message>
        <source>export customer lists</source>
        <translation>导出客户列表</translation>
    </message>
    <message>
        <source>export or print cards</source>
        <translation>导出或打印档案卡</translation>
    </message>
    <message>
        <source>import from Excel</source>
        <translation>从 Excel 导入</translation>
    </message>
    <message>
        <source>manage routes</source>
        <translation>管理路线</translation>
    </message>
    <message>
        <source>record visits</source>
        <translation>记录访问</translation>
    </message>
    <message>
        <source>run analyses</source>
        <translation>进行分析</translation>
    </message>
    <message>
        <source>edit sale lines</source>
        <translation>修改销售明细</translation>
    </message>
    <message>
        <source>change the classification trees</source>
        <translation>修改分类树</translation>
    </message>
    <message>
        <source>restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>repair the database</source>
        <translation>修复数据库</translation>
    </message>
    <message>
        <source>see the whole database&apos;s counts</source>
        <translation>查看整个数据库的统计</translation>
    </message>
    <message>
        <source>manage users</source>
        <translation>管理用户</translation>
    </message>
    <message>
        <source>change the database&apos;s settings</source>
        <translation>修改数据库设置</translation>
    </message>
    <message>
        <source>transfer customers to another owner</source>
        <translation>把客户转给其他负责人</translation>
    </message>
    <message>
        <source>share customers</source>
        <translation>共享客户</translation>
    </message>
    <message>
        <source>read the audit trail</source>
        <translation>查看审计记录</translation>
    </message>
    <message>
        <source>make a copy of a person&apos;s personal data</source>
        <translation>制作个人信息副本</translation>
    </message>
    <message>
        <source>Sign in first: nobody may {action} without a login.</source>
        <translation>请先登录：未登录不能{action}。</translation>
    </message>
    <message>
        <source>This account is disabled: it may not {action}.</source>
        <translation>此账户已停用，不能{action}。</translation>
    </message>
    <message>
        <source>A {role} may not {action}. Ask an administrator.</source>
        <translation>{role}无权{action}。请联系管理员。</translation>
    </message>
    <message>
        <source>As a {role} you may {action} only for {scope}; this one is not.</source>
        <translation>作为{role}，您只能对{scope}{action}；此项不在其中。</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source>Weekly</source>
        <translation>每周</translation>
    </message>
    <message>
        <source>Weeks 1 &amp; 3</source>
        <translation>第1、3周</translation>
    </message>
    <message>
        <source>Weeks 2 &amp; 4</source>
        <translation>第2、4周</translation>
    </message>
    <message>
        <source>Monthly, week {n}</source>
        <translation>每月第{n}周</translation>
    </message>
    <message>
        <source>{frequency}: {weekdays}</source>
        <translation>{frequency} {weekdays}</translation>
    </message>
    <message>
        <source>Unknown visit frequency &apos;{code}&apos;</source>
        <translation>未知的访问频率“{code}”</translation>
    </message>
    <message>
        <source>Invalid visit weekdays &apos;{days}&apos;</source>
        <translation>访问日“{days}”无效</translation>
    </message>
    <message>
        <source>no visit day set</source>
        <translation>未定访问日</translation>
    </message>
    <message>
        <source>Nature</source>
        <translation>客户性质</translation>
    </message>
    <message>
        <source>Ownership</source>
        <translation>所有制</translation>
    </message>
    <message>
        <source>Trade type</source>
        <translation>业态</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>地段</translation>
    </message>
    <message>
        <source>Grade</source>
        <translation>客户等级</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>客户阶段</translation>
    </message>
    <message>
        <source>Trade state</source>
        <translation>交易状态</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Government body</source>
        <translation>政府机构</translation>
    </message>
    <message>
        <source>Special company</source>
        <translation>特殊公司</translation>
    </message>
    <message>
        <source>Ordinary company</source>
        <translation>普通公司</translation>
    </message>
    <message>
        <source>Individual customer</source>
        <translation>个人顾客</translation>
    </message>
    <message>
        <source>Trading partner</source>
        <translation>交易伙伴</translation>
    </message>
    <message>
        <source>State-owned</source>
        <translation>全民所有制</translation>
    </message>
    <message>
        <source>Collectively owned</source>
        <translation>集体所有制</translation>
    </message>
    <message>
        <source>Individually owned</source>
        <translation>个体所有制</translation>
    </message>
    <message>
        <source>Joint-stock</source>
        <translation>股份制</translation>
    </message>
    <message>
        <source>Jointly owned</source>
        <translation>合资</translation>
    </message>
    <message>
        <source>Wholesaler</source>
        <translation>批发店</translation>
    </message>
    <message>
        <source>Retailer</source>
        <translation>零售商</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>代理店</translation>
    </message>
    <message>
        <source>Authorised dealer</source>
        <translation>特约店</translation>
    </message>
    <message>
        <source>Chain store</source>
        <translation>连锁店</translation>
    </message>
    <message>
        <source>Specialty store</source>
        <translation>专营店</translation>
    </message>
    <message>
        <source>Shopping centre</source>
        <translation>商业中心店</translation>
    </message>
    <message>
        <source>Transport hub</source>
        <translation>交通枢纽店</translation>
    </message>
    <message>
        <source>Residential area</source>
        <translation>居民区店</translation>
    </message>
    <message>
        <source>Other location</source>
        <translation>其他店铺</translation>
    </message>
    <message>
        <source>Key customer (A)</source>
        <translation>主力客户 (A)</translation>
    </message>
    <message>
        <source>Regular customer (B)</source>
        <translation>一般客户 (B)</translation>
    </message>
    <message>
        <source>Occasional customer (C)</source>
        <translation>零散客户 (C)</translation>
    </message>
    <message>
        <source>Established customer</source>
        <translation>老客户</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Prospective customer</source>
        <translation>未来客户</translation>
    </message>
    <message>
        <source>Traded before</source>
        <translation>曾有交易</translation>
    </message>
    <message>
        <source>Trading now</source>
        <translation>正在交易</translation>
    </message>
    <message>
        <source>About to trade</source>
        <translation>即将交易</translation>
    </message>
    <message>
        <source>(hidden)</source>
        <translation>（已隐藏）</translation>
    </message>
    <message>
        <source>Only an administrator or a manager may show sensitive fields (ID numbers, birthdays, family and the like); ask one of them, or export without reveal.</source>
        <translation>只有管理员或经理可以显示敏感信息（身份证号、生日、家庭等）。请找他们办理，或不显示敏感信息导出。</translation>
    </message>
    <message>
        <source>A unified social credit code has 18 characters, this one has {count}</source>
        <translation>统一社会信用代码应为18位，现为{count}位</translation>
    </message>
    <message>
        <source>The first character (registering authority) cannot be &apos;{character}&apos;; it must be 1–9, A, N or Y</source>
        <translation>统一社会信用代码第1位（登记管理部门）不能是“{character}”，应为1–9、A、N或Y</translation>
    </message>
    <message>
        <source>The unified social credit code contains characters that are not allowed (characters 3–8 are a region number; I, O, S, V and Z are never used)</source>
        <translation>统一社会信用代码含有不允许的字符（第3–8位为行政区划数字，且不使用I、O、S、V、Z）</translation>
    </message>
    <message>
        <source>The check character of the unified social credit code is wrong: please check for a typing error</source>
        <translation>统一社会信用代码校验位不正确，请核对是否抄错</translation>
    </message>
    <message>
        <source>A resident ID number has 18 characters, this one has {count}</source>
        <translation>居民身份证号码应为18位，现为{count}位</translation>
    </message>
    <message>
        <source>A resident ID number is 17 digits followed by a digit or X</source>
        <translation>居民身份证号码前17位应为数字，最后一位为数字或X</translation>
    </message>
    <message>
        <source>The birth date {date} in the resident ID number is impossible</source>
        <translation>居民身份证号码中的出生日期{date}不合理</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a phone number</source>
        <translation>“{value}”不是有效的电话号码</translation>
    </message>
    <message>
        <source>This phone number is possible but its prefix is unusual: please check it</source>
        <translation>电话号码位数可能，但号段不常见，请核对</translation>
    </message>
    <message>
        <source>This looks like a landline, not a mobile number</source>
        <translation>这似乎是固定电话，而不是手机号码</translation>
    </message>
    <message>
        <source>A postal code is six digits</source>
        <translation>邮政编码应为6位数字</translation>
    </message>
    <message>
        <source>This postal code is outside the usual ranges</source>
        <translation>这个邮政编码不在常见的范围内</translation>
    </message>
    <message>
        <source>This is not an email address</source>
        <translation>电子邮箱格式不正确</translation>
    </message>
    <message>
        <source>At most {count} characters</source>
        <translation>最多{count}个字符</translation>
    </message>
    <message>
        <source>The birth date {date} in the resident ID number does not exist</source>
        <translation>居民身份证号码中的出生日期{date}不存在</translation>
    </message>
    <message>
        <source>The check digit of the resident ID number is wrong: please check for a typing error</source>
        <translation>居民身份证号码校验位不正确，请核对是否抄错</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a date; write 2024-1-2, 2024/1/2, 2024.1.2, 20240102 or 2024年1月2日</source>
        <translation>“{value}”不是日期，可写作 2024-1-2、2024/1/2、2024.1.2、20240102 或 2024年1月2日</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a whole number</source>
        <translation>“{value}”不是整数</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is a negative count</source>
        <translation>“{value}”是负数，人数不能为负</translation>
    </message>
    <message>
        <source>A coordinate lies within ±{limit}</source>
        <translation>坐标应在±{limit}之间</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not one of the choices ({options})</source>
        <translation>“{value}”不是可选值（{options}）</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not an amount of money</source>
        <translation>“{value}”不是金额</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a coordinate</source>
        <translation>“{value}”不是坐标</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; cannot be empty</source>
        <translation>“{field}”不能为空</translation>
    </message>
    <message>
        <source>Backing up</source>
        <translation>正在备份</translation>
    </message>
    <message>
        <source>The database &apos;{path}&apos; is read-only (the file&apos;s permissions, or a read-only drive or share): it is opened for reading, and nothing can be saved.</source>
        <translation>数据库“{path}”是只读的（文件权限，或只读的磁盘、共享）：已以只读方式打开，无法保存任何修改。</translation>
    </message>
    <message>
        <source>The database is on a network drive ({filesystem}); it uses shared mode (rollback journal, full sync). Saving may take a moment when several people work at once.</source>
        <translation>数据库位于网络驱动器（{filesystem}）上，已使用共享模式（回滚日志、完全同步）。多人同时使用时，保存可能需要稍等。</translation>
    </message>
    <message>
        <source>The database is inside the cloud-synced folder &apos;{folder}&apos;. Sync clients can copy a file while it is being written and damage it; keep the database in a normal folder or on a network share, and put backups in the cloud folder instead.</source>
        <translation>数据库位于云同步文件夹“{folder}”中。同步软件可能在写入过程中复制文件而导致损坏；请把数据库放在普通文件夹或网络共享上，用备份功能把备份放入云盘。</translation>
    </message>
    <message>
        <source>Database error</source>
        <translation>数据库出错</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is not a kehu database (it may be damaged, or the wrong file was chosen). Choose the right file, or restore the latest backup.</source>
        <translation>“{path}”不是客户档案数据库（文件可能已损坏，或选错了文件）。请选择正确的文件，或用“恢复备份”找回最近的备份。</translation>
    </message>
    <message>
        <source>The database &apos;{path}&apos; is damaged: the integrity check failed. Stop writing to it and restore the latest good backup.</source>
        <translation>数据库“{path}”已损坏，完整性检查未通过。请不要继续写入；用“恢复备份”找回最近的正常备份。</translation>
    </message>
    <message>
        <source>The database &apos;{path}&apos; was written by a newer version of kehu and cannot be opened by this one. Please upgrade the application.</source>
        <translation>数据库“{path}”由更新版本的客户档案软件创建，本版本无法打开。请升级软件后再打开。</translation>
    </message>
    <message>
        <source>The database &apos;{path}&apos; is in use by another user or program and stayed locked after several retries. Try again in a moment; if it persists, check that no program hangs.</source>
        <translation>数据库“{path}”正被其他用户或程序占用，多次重试后仍未成功。请稍后再试；若持续出现，请确认没有程序卡住。</translation>
    </message>
    <message>
        <source>The database &apos;{path}&apos; is read-only: nothing can be saved. Check the file&apos;s permissions or the network share&apos;s write access.</source>
        <translation>数据库“{path}”是只读的，无法保存。请检查文件权限或网络共享的写入权限。</translation>
    </message>
    <message>
        <source>There is no database at &apos;{path}&apos;. Check the path (nothing was created there); a new database is made with `kehu init` or the window&apos;s first start.</source>
        <translation>“{path}”处没有数据库。请检查路径（那里没有创建任何文件）；新数据库用 `kehu init` 或首次启动窗口创建。</translation>
    </message>
    <message>
        <source>&apos;{path}&apos; is an empty file (0 bytes), not a kehu database. Choose the right file or restore the latest backup; the empty file was left as it is.</source>
        <translation>“{path}”是一个空文件（0 字节），不是客户档案数据库。请选择正确的文件或恢复最近的备份；空文件保持原样。</translation>
    </message>
    <message>
        <source>The database file &apos;{path}&apos; was replaced or removed by another program (a restore, a copy, a sync client) while it was open. Nothing more is written to it; your unsaved edits are kept in the window. Reopen the database to continue.</source>
        <translation>数据库文件“{path}”在打开期间被其他程序（恢复、复制、同步软件）替换或删除。不会再向它写入任何内容；未保存的修改仍保留在窗口中。请重新打开数据库后继续。</translation>
    </message>
    <message>
        <source>The database &apos;{path}&apos; cannot be opened. Check that its folder exists and is writable.</source>
        <translation>无法打开数据库“{path}”。请确认文件夹存在且有写入权限。</translation>
    </message>
    <message>
        <source>The database server &apos;{path}&apos; cannot be reached or refused the connection. Check the address, the database name, the user and the password, and that the server runs.</source>
        <translation>无法连接数据库服务器“{path}”，或服务器拒绝了连接。请检查地址、数据库名、用户和密码，以及服务器是否在运行。</translation>
    </message>
    <message>
        <source>The connection to the database server &apos;{path}&apos; was lost: this was not saved, and your unsaved edits are kept in the window. kehu connects again by itself: when the server is back, try again (View → Refresh shows the latest data).</source>
        <translation>与数据库服务器“{path}”的连接已断开：这次没有保存，未保存的修改仍保留在窗口中。kehu 会自动重新连接：服务器恢复后请再试一次（“视图 → 刷新”显示最新数据）。</translation>
    </message>
    <message>
        <source>The database server &apos;{path}&apos; does not answer. Check the server&apos;s name or address and port, that the server runs, and that this computer may reach it (network, firewall).</source>
        <translation>数据库服务器“{path}”没有响应。请检查服务器的名称或地址和端口、服务器是否在运行，以及本机能否连到它（网络、防火墙）。</translation>
    </message>
    <message>
        <source>The database server &apos;{path}&apos; did not accept the user name or the password. Check both: they are the ones the administrator gave you for this database.</source>
        <translation>数据库服务器“{path}”不接受该用户名或密码。请检查两者：它们是管理员为您在这个数据库中设置的。</translation>
    </message>
    <message>
        <source>The database server &apos;{path}&apos; needs the password of this user: enter it.</source>
        <translation>数据库服务器“{path}”需要该用户的密码：请输入。</translation>
    </message>
    <message>
        <source>The server of &apos;{path}&apos; has no database of that name. Check the database name, or ask the administrator to create it (docs/SERVER.md).</source>
        <translation>“{path}”所在的服务器上没有这个名称的数据库。请检查数据库名称，或请管理员创建它（见 docs/SERVER.md）。</translation>
    </message>
    <message>
        <source>The server database &apos;{path}&apos; needs PostgreSQL&apos;s pg_trgm extension (for searching parts of names), which the server does not have. Ask the administrator to install it (Debian: the postgresql-contrib package; Windows: part of the installer).</source>
        <translation>服务器数据库“{path}”需要 PostgreSQL 的 pg_trgm 扩展（用于按名称的一部分搜索），但服务器上没有。请管理员安装它（Debian：postgresql-contrib 软件包；Windows：安装程序自带）。</translation>
    </message>
    <message>
        <source>Opening the server database &apos;{path}&apos; needs the PostgreSQL driver, which is not installed: install it with  pip install &quot;kehu[server]&quot;</source>
        <translation>打开服务器数据库“{path}”需要 PostgreSQL 驱动，但尚未安装：请用  pip install &quot;kehu[server]&quot;  安装</translation>
    </message>
    <message>
        <source>A server database: the server keeps its own files consistent (its write-ahead log, foreign keys checked at every statement; pg_amcheck on the server checks its files), so no integrity or foreign-key check and no index or trigger check runs here (DDL is rolled back with an interrupted load). kehu&apos;s own checks (search keys, counts, imports) ran.</source>
        <translation>这是服务器数据库：文件的一致性由服务器保证（预写日志、每条语句都检查外键；可在服务器上用 pg_amcheck 检查文件），因此这里不做完整性、外键、索引和触发器检查（中断的批量导入会连同表结构改动一起回滚）。kehu 自己的检查（搜索键、计数、导入）已运行。</translation>
    </message>
    <message>
        <source>{count} customers have no pinyin sort key: a list sorted by name shows them first.</source>
        <translation>{count} 个客户没有拼音排序键：按名称排序的列表会把它们排在最前面。</translation>
    </message>
    <message>
        <source>{route}, stop {number}</source>
        <translation>{route} 第 {number} 站</translation>
    </message>
    <message>
        <source>Customers on no route</source>
        <translation>未编入路线的客户</translation>
    </message>
    <message>
        <source>Search keys</source>
        <translation>搜索索引</translation>
    </message>
    <message>
        <source>Copying tables</source>
        <translation>正在复制数据表</translation>
    </message>
    <message>
        <source>Backing up a server database needs PostgreSQL&apos;s pg_dump, which is not installed here: install the PostgreSQL client tools, or run pg_dump on the server (docs/SERVER.md).</source>
        <translation>备份服务器数据库需要 PostgreSQL 的 pg_dump，但本机没有安装：请安装 PostgreSQL 客户端工具，或在服务器上运行 pg_dump（见 docs/SERVER.md）。</translation>
    </message>
    <message>
        <source>pg_dump could not back up the server database: {detail}</source>
        <translation>pg_dump 无法备份服务器数据库：{detail}</translation>
    </message>
    <message>
        <source>{file} mixes text encodings: line {line} is UTF-8, the rest GB18030/GBK. Open it in Excel or a text editor, save it once in one encoding (CSV UTF-8) and import again.</source>
        <translation>{file} 混用了多种文本编码：第 {line} 行是 UTF-8，其余是 GB18030/GBK。请在 Excel 或文本编辑器中打开，统一另存为一种编码（CSV UTF-8）后再导入。</translation>
    </message>
    <message>
        <source>{file} is not a readable CSV file: {error}</source>
        <translation>{file} 不是可读取的 CSV 文件：{error}</translation>
    </message>
    <message>
        <source>The PDF font &apos;{spec}&apos; cannot be used (a TrueType .ttf/.ttc font with Chinese glyphs is needed); a system font is used instead.</source>
        <translation>设置的 PDF 字体“{spec}”无法使用（需要含中文的 TrueType .ttf/.ttc 字体），已改用系统字体。</translation>
    </message>
    <message>
        <source>No embeddable Chinese TrueType font was found: the PDF uses the non-embedded STSong-Light font and may not display on every viewer or printer. Set a font (e.g. msyh.ttc, simsun.ttc) in the settings.</source>
        <translation>未找到可嵌入的中文 TrueType 字体，PDF 使用了未嵌入的 STSong-Light 字体，在部分阅读器或打印机上可能无法正常显示。请在设置中指定字体（如 msyh.ttc、simsun.ttc）。</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>Last visits</source>
        <translation>最近访问</translation>
    </message>
    <message>
        <source>no grade</source>
        <translation>未分级</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Salesperson</source>
        <translation>推销员</translation>
    </message>
    <message>
        <source>Content / findings / next step</source>
        <translation>内容 / 发现 / 下一步</translation>
    </message>
    <message>
        <source>Next visit</source>
        <translation>下次访问</translation>
    </message>
    <message>
        <source>[archived]</source>
        <translation>【已归档】</translation>
    </message>
    <message>
        <source>Classification: none</source>
        <translation>分类：未分类</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>Coordinates</source>
        <translation>经纬度</translation>
    </message>
    <message>
        <source>Route</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>Responsible</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>(no key persons)</source>
        <translation>（未登记关键人物）</translation>
    </message>
    <message>
        <source>(no visits yet)</source>
        <translation>（暂无访问记录）</translation>
    </message>
    <message>
        <source>Credit</source>
        <translation>信用</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>发现的情况</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Reading customers</source>
        <translation>正在读取客户</translation>
    </message>
    <message>
        <source>The size must be A4 or A5: {size}</source>
        <translation>纸张应为 A4 或 A5：{size}</translation>
    </message>
    <message>
        <source>Client cards</source>
        <translation>客户档案卡</translation>
    </message>
    <message>
        <source>Laying out pages</source>
        <translation>正在排版</translation>
    </message>
    <message>
        <source>The date must be YYYY-MM-DD: {date}</source>
        <translation>日期格式应为 YYYY-MM-DD：{date}</translation>
    </message>
    <message>
        <source>The label sheet must be COLSxROWS, e.g. 3x8 or 2x7: {spec}</source>
        <translation>标签规格应为 列x行，如 3x8 或 2x7：{spec}</translation>
    </message>
    <message>
        <source>Attn: {who}</source>
        <translation>{who} 收</translation>
    </message>
    <message>
        <source>Address labels</source>
        <translation>地址标签</translation>
    </message>
    <message>
        <source>(no customers)</source>
        <translation>（没有符合条件的客户）</translation>
    </message>
    <message>
        <source>Printed by {name}, {stamp}</source>
        <translation>打印人：{name}&#x3000;{stamp}</translation>
    </message>
    <message>
        <source>Page {page}/{pages}</source>
        <translation>第 {page}/{pages} 页</translation>
    </message>
    <message>
        <source> (cont.)</source>
        <translation>（续）</translation>
    </message>
    <message>
        <source>Salesperson&apos;s signature</source>
        <translation>推销员签字</translation>
    </message>
    <message>
        <source>Checked by</source>
        <translation>主管审核</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Visit content</source>
        <translation>访问内容</translation>
    </message>
    <message>
        <source>Findings / problems</source>
        <translation>发现 / 问题</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次访问</translation>
    </message>
    <message>
        <source>Customer information form</source>
        <translation>客户资料表</translation>
    </message>
    <message>
        <source>Route sheet</source>
        <translation>路序表</translation>
    </message>
    <message>
        <source>Monthly visit report</source>
        <translation>客户访问月报</translation>
    </message>
    <message>
        <source>Daily visit report</source>
        <translation>客户访问日报</translation>
    </message>
    <message>
        <source>All salespeople</source>
        <translation>全部推销员</translation>
    </message>
    <message>
        <source>(no visits in this month)</source>
        <translation>（当月无访问记录）</translation>
    </message>
    <message>
        <source>(no visits on this day)</source>
        <translation>（当日无访问记录）</translation>
    </message>
    <message>
        <source>Please fill in the information below in block letters and tick □ where options are given. It is used only for our business with you.</source>
        <translation>请用正楷填写以下资料，选择项请在□内打“√”。所填资料仅用于双方业务往来。</translation>
    </message>
    <message>
        <source>Contacts / key persons</source>
        <translation>主要联系人 / 关键人物</translation>
    </message>
    <message>
        <source>Personal information: the contacts&apos; names and phone numbers above are used only for our business with you and kept according to the Personal Information Protection Law; they are not given to third parties. The person filling in this form confirms that the contacts agreed.</source>
        <translation>个人信息处理说明：上表所列联系人的姓名、电话等个人信息仅用于双方业务联系，我司将依照《个人信息保护法》妥善保管，不向第三方提供。填表人确认已取得上述联系人的同意。</translation>
    </message>
    <message>
        <source>Signature: ______________    Company stamp: ______________    Date: __________</source>
        <translation>填表人签字：______________&#x3000;&#x3000;单位盖章：______________&#x3000;&#x3000;日期：______________</translation>
    </message>
    <message>
        <source>(no customers in this selection)</source>
        <translation>（没有符合条件的客户）</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>月份</translation>
    </message>
    <message>
        <source>Visit days</source>
        <translation>访问日</translation>
    </message>
    <message>
        <source>Stops</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Number of visits</source>
        <translation>访问数</translation>
    </message>
    <message>
        <source>Summary of the day / support needed</source>
        <translation>当日总结 / 需要支持的事项</translation>
    </message>
    <message>
        <source>Date filled in</source>
        <translation>填表日期</translation>
    </message>
    <message>
        <source>____-____-____ (YYYY-MM-DD)</source>
        <translation>______ 年 ____ 月 ____ 日</translation>
    </message>
    <message>
        <source>CNY ______________</source>
        <translation>人民币 ______________ 元</translation>
    </message>
    <message>
        <source>(no stops)</source>
        <translation>（路线上没有客户）</translation>
    </message>
    <message>
        <source>Writing cards</source>
        <translation>正在写入档案卡</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Page &amp;P of &amp;N</source>
        <translation>第 &amp;P 页，共 &amp;N 页</translation>
    </message>
    <message>
        <source>Recent visits</source>
        <translation>最近访问</translation>
    </message>
    <message>
        <source>Client record</source>
        <translation>客户档案</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>The cell holds a date ({date}) but the column is &apos;{column}&apos;. Excel may have turned the number into a date.</source>
        <translation>单元格是日期（{date}），而这一列应为“{column}”。Excel 可能把号码自动识别成了日期。</translation>
    </message>
    <message>
        <source>The date is stored as the serial number {serial} (no date format); read with the {system} date system as {date}</source>
        <translation>日期以序列号 {serial} 存储（单元格未设日期格式），已按 {system} 日期系统读取为 {date}</translation>
    </message>
    <message>
        <source>This cell holds a number with more than 15 digits, which Excel cannot keep: it reads {shown} and the last digits are lost. Format the column as Text, type the original number again and re-import.</source>
        <translation>该单元格以数字形式存储，超过15位的数字已被 Excel 截断（读到 {shown}，末尾几位已丢失）。请把这一列设为“文本”格式，重新输入原始号码后再导入。</translation>
    </message>
    <message>
        <source>The postal code is stored as the number {digits} with {n} digits: leading zeros may have been lost. Check it and enter all six digits as text.</source>
        <translation>邮编以数字形式存储为 {digits}，只有{n}位：开头的0可能已丢失。请核对后以文本格式输入完整的6位邮编。</translation>
    </message>
    <message>
        <source>The number {value} was read as the text &apos;{digits}&apos;</source>
        <translation>以数字存储的“{value}”已按文本“{digits}”读取</translation>
    </message>
    <message>
        <source>The phone number is stored as the number {digits}: the leading 0 of the area code is lost. Enter the full number as text (e.g. 0{digits}).</source>
        <translation>电话号码以数字形式存储为 {digits}：区号开头的0已丢失。请以文本格式输入完整号码（如 0{digits}）。</translation>
    </message>
    <message>
        <source>The phone number was stored as a decimal number ({value}); read as {digits}</source>
        <translation>电话号码以小数形式存储（{value}），已按 {digits} 读取</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; cannot be read</source>
        <translation>“{value}”无法读取</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a number of this kind</source>
        <translation>“{value}”不是号码</translation>
    </message>
    <message>
        <source>Full-width characters and invisible spaces normalised: &apos;{old}&apos; → &apos;{new}&apos;</source>
        <translation>已把全角字符转为半角并去掉不可见空格：“{old}” → “{new}”</translation>
    </message>
    <message>
        <source>The number is in scientific notation ({text}); the original digits are lost. Enter the full number as text.</source>
        <translation>号码写成了科学计数法（{text}），原始数字已丢失。请以文本格式重新输入完整号码。</translation>
    </message>
    <message>
        <source>(not imported)</source>
        <translation>（不导入）</translation>
    </message>
    <message>
        <source>Classification: {name}</source>
        <translation>分类：{name}</translation>
    </message>
    <message>
        <source>Key person: {field}</source>
        <translation>联系人：{field}</translation>
    </message>
    <message>
        <source>{path} is not a column mapping file</source>
        <translation>{path} 不是列映射文件</translation>
    </message>
    <message>
        <source>Cannot read the mapping file {path}: {error}</source>
        <translation>无法读取映射文件 {path}：{error}</translation>
    </message>
    <message>
        <source>Writing rows</source>
        <translation>正在写入</translation>
    </message>
    <message>
        <source>Fill in or correct the white cells on the right; do not change the grey part. We check every item before updating our records.</source>
        <translation>请在右侧白色格子中填写或更正；灰色部分请勿修改。我们会逐项核对后更新档案。</translation>
    </message>
    <message>
        <source>{file} contains no customer form (use a form exported by kehu)</source>
        <translation>{file} 中没有客户资料表（请使用本软件导出的表格）</translation>
    </message>
    <message>
        <source>Customer code: {code}</source>
        <translation>客户编号：{code}</translation>
    </message>
    <message>
        <source>New customer (please fill in everything)</source>
        <translation>新客户（请填写全部信息）</translation>
    </message>
    <message>
        <source>{label} (required)</source>
        <translation>{label}（必填）</translation>
    </message>
    <message>
        <source>Choose from the list</source>
        <translation>请从列表中选择</translation>
    </message>
    <message>
        <source>A customer form is an .xlsx file from kehu</source>
        <translation>客户资料表应为本软件导出的 .xlsx 文件</translation>
    </message>
    <message>
        <source>Contact {number}</source>
        <translation>联系人 {number}</translation>
    </message>
    <message>
        <source>{file} would expand too much ({detail}); it may be a zip bomb and was not read.</source>
        <translation>{file} 解压后过大或压缩比异常（{detail}），可能是“压缩炸弹”，已拒绝读取。</translation>
    </message>
    <message>
        <source>a file of an unknown kind</source>
        <translation>未知格式的文件</translation>
    </message>
    <message>
        <source>{file} is protected with a password and cannot be read. Open it in Excel, remove the password (File &gt; Info &gt; Protect Workbook &gt; Encrypt with Password), save, and import again.</source>
        <translation>{file} 设置了打开密码，无法读取。请在 Excel 中打开，在“文件 &gt; 信息 &gt; 保护工作簿 &gt; 用密码进行加密”中删除密码，保存后再导入。</translation>
    </message>
    <message>
        <source>an old Office document</source>
        <translation>旧版 Office 文档（Word 或 PowerPoint）</translation>
    </message>
    <message>
        <source>a zip archive</source>
        <translation>压缩包（zip）</translation>
    </message>
    <message>
        <source>{file} is empty (0 bytes)</source>
        <translation>文件 {file} 是空的（0 字节）</translation>
    </message>
    <message>
        <source>a PDF file</source>
        <translation>PDF 文件</translation>
    </message>
    <message>
        <source>a binary file</source>
        <translation>二进制文件</translation>
    </message>
    <message>
        <source>a text file (renamed?)</source>
        <translation>文本文件（扩展名被改过？）</translation>
    </message>
    <message>
        <source>a Word document</source>
        <translation>Word 文档</translation>
    </message>
    <message>
        <source>a PowerPoint presentation</source>
        <translation>PowerPoint 演示文稿</translation>
    </message>
    <message>
        <source>{file} has no worksheets</source>
        <translation>{file} 中没有工作表</translation>
    </message>
    <message>
        <source>CSV encoding: {encoding}</source>
        <translation>CSV 文件编码：{encoding}</translation>
    </message>
    <message>
        <source>Cannot open the file {path}: {error}</source>
        <translation>无法打开文件 {path}：{error}</translation>
    </message>
    <message>
        <source>{file} is damaged: {error}</source>
        <translation>{file} 已损坏，无法读取：{error}</translation>
    </message>
    <message>
        <source>{file} contains XML entities (possibly malicious); it was not read.</source>
        <translation>{file} 含有 XML 实体（可能是恶意文件），已拒绝读取。</translation>
    </message>
    <message>
        <source>No sheet named &apos;{sheet}&apos;; the sheets are: {sheets}</source>
        <translation>找不到工作表“{sheet}”，可选：{sheets}</translation>
    </message>
    <message>
        <source>The workbook has hidden sheets: {sheets} (not imported unless you choose one)</source>
        <translation>工作簿中有隐藏的工作表：{sheets}（未自动导入；需要时请选择该工作表）</translation>
    </message>
    <message>
        <source>Reading the hidden sheet &apos;{sheet}&apos;</source>
        <translation>正在读取隐藏的工作表“{sheet}”</translation>
    </message>
    <message>
        <source>This workbook uses the 1904 date system (old Mac Excel); dates are converted accordingly</source>
        <translation>该工作簿使用 1904 日期系统（旧版 Mac Excel），日期已按 1904 系统换算</translation>
    </message>
    <message>
        <source>The text encoding of {file} is neither UTF-8 nor GB18030/GBK. Save it as &apos;CSV UTF-8&apos; or .xlsx from Excel.</source>
        <translation>{file} 的文字编码无法识别（不是 UTF-8 也不是 GB18030/GBK）。请在 Excel 中另存为 “CSV UTF-8” 或 .xlsx。</translation>
    </message>
    <message>
        <source>{file} contains an XML document type declaration (possibly a malicious file); it was not read.</source>
        <translation>{file} 含有 XML 文档类型声明（可能是恶意文件），已拒绝读取。</translation>
    </message>
    <message>
        <source>Rejected rows</source>
        <translation>未导入的行</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>原行号</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>提醒</translation>
    </message>
    <message>
        <source>Imported, but please check:</source>
        <translation>已导入，但请核对：</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>This is a formula cell without a saved result (the file was probably written by another program). Open and save it once in Excel or WPS, then import again.</source>
        <translation>这是公式单元格，但文件中没有保存计算结果（文件可能由其他程序生成）。请在 Excel 或 WPS 中打开并保存一次，再导入。</translation>
    </message>
    <message>
        <source>row {row}, {where} {header}: {reason}</source>
        <translation>第{row}行 {where} “{header}”：{reason}</translation>
    </message>
    <message>
        <source>row {row}, {where}: {reason}</source>
        <translation>第{row}行 {where}：{reason}</translation>
    </message>
    <message>
        <source>Merged cells {cells}: the value of the top-left cell is used</source>
        <translation>合并单元格 {cells}：使用了合并区域左上角的值</translation>
    </message>
    <message>
        <source>This row is hidden in Excel (read as usual)</source>
        <translation>这一行在 Excel 中是隐藏的（已照常读取）</translation>
    </message>
    <message>
        <source>The classification &apos;{scheme}&apos; has no category &apos;{category}&apos;. Add it in the tree first, or choose to create missing categories.</source>
        <translation>分类“{scheme}”中没有“{category}”。请先在分类树中添加，或勾选“自动创建缺少的分类”。</translation>
    </message>
    <message>
        <source>local user</source>
        <translation>本机用户</translation>
    </message>
    <message>
        <source>Keeping the current database</source>
        <translation>正在另存当前数据库</translation>
    </message>
    <message>
        <source>Restoring</source>
        <translation>正在恢复</translation>
    </message>
    <message>
        <source>There is already a category named &apos;{name}&apos; here</source>
        <translation>同一级下已有名为“{name}”的分类</translation>
    </message>
    <message>
        <source>A category needs a name</source>
        <translation>分类名称不能为空</translation>
    </message>
    <message>
        <source>A category name has at most 60 characters</source>
        <translation>分类名称最多60个字符</translation>
    </message>
    <message>
        <source>A category cannot merge into itself</source>
        <translation>不能把分类合并到它自己</translation>
    </message>
    <message>
        <source>Only categories of the same scheme can merge</source>
        <translation>只能合并同一维度中的分类</translation>
    </message>
    <message>
        <source>A category cannot merge into its own sub-category</source>
        <translation>不能合并到自己的下级分类中</translation>
    </message>
    <message>
        <source>A category can only move within its scheme</source>
        <translation>分类只能在同一维度内移动</translation>
    </message>
    <message>
        <source>A category cannot move into one of its own sub-categories</source>
        <translation>不能把分类移到它自己的下级分类中</translation>
    </message>
    <message>
        <source>{who} saved this dossier while you were editing it. Your changes are not saved yet: choose, field by field, which value to keep.</source>
        <translation>在你编辑期间，{who}已保存了这份档案。你的修改尚未保存，请逐项选择保留哪一方的内容。</translation>
    </message>
    <message>
        <source>This dossier does not exist or was erased.</source>
        <translation>该客户档案不存在或已被删除。</translation>
    </message>
    <message>
        <source>You may not see or change this dossier.</source>
        <translation>你没有权限查看或修改该客户档案。</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>其他用户</translation>
    </message>
    <message>
        <source>Demo customers</source>
        <translation>演示客户</translation>
    </message>
    <message>
        <source>Routes</source>
        <translation>路线</translation>
    </message>
    <message>
        <source>Indexes</source>
        <translation>索引</translation>
    </message>
    <message>
        <source>There are no customers to export</source>
        <translation>没有可导出的客户</translation>
    </message>
    <message>
        <source>No salesperson named &apos;{name}&apos;</source>
        <translation>找不到推销员“{name}”</translation>
    </message>
    <message>
        <source>Customer list</source>
        <translation>客户名单</translation>
    </message>
    <message>
        <source>Visit report</source>
        <translation>客户访问日报</translation>
    </message>
    <message>
        <source>Export list to &amp;Excel…</source>
        <translation>导出列表到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Export cards to Excel…</source>
        <translation>导出档案卡到 Excel…</translation>
    </message>
    <message>
        <source>&amp;Print card…</source>
        <translation>打印档案卡(&amp;P)…</translation>
    </message>
    <message>
        <source>Export customer forms to Excel…</source>
        <translation>导出客户资料表到 Excel…</translation>
    </message>
    <message>
        <source>Print customer forms…</source>
        <translation>打印客户资料表…</translation>
    </message>
    <message>
        <source>Print address labels…</source>
        <translation>打印地址标签…</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Key persons</source>
        <translation>关键人物</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>访问记录</translation>
    </message>
    <message>
        <source>The disk is full ({free} MB free on {place}): &apos;{path}&apos; cannot be written. The last change was not saved and nothing half-written was kept; free some disk space and try again.</source>
        <translation>磁盘已满（{place} 上剩余 {free} MB）：无法写入“{path}”。最后的修改没有保存，也没有留下写了一半的文件；请释放磁盘空间后重试。</translation>
    </message>
    <message>
        <source>{file} is not a spreadsheet but {what}. Choose an Excel (.xlsx, .xls), OpenDocument (.ods) or .csv file.</source>
        <translation>{file} 不是电子表格，而是{what}。请选择 Excel（.xlsx、.xls）、OpenDocument（.ods）或 .csv 文件。</translation>
    </message>
    <message>
        <source>{file} is larger than this kind of workbook may be ({limit} MB). Save it as .xlsx (or split it) and import that.</source>
        <translation>{file} 超过此类工作簿允许的大小（{limit} MB）。请另存为 .xlsx（或拆分）后再导入。</translation>
    </message>
    <message>
        <source>{file} is not a regular file (a folder, pipe or device); choose a spreadsheet</source>
        <translation>{file} 不是普通文件（而是文件夹、管道或设备），请选择电子表格文件</translation>
    </message>
    <message>
        <source>{file} is an Excel binary workbook (.xlsb) with a damaged package.</source>
        <translation>{file} 是 Excel 二进制工作簿（.xlsb），但文件包已损坏。</translation>
    </message>
    <message>
        <source>an Excel 97-2003 workbook (.xls)</source>
        <translation>Excel 97-2003 工作簿（.xls）</translation>
    </message>
    <message>
        <source>an Excel binary workbook (.xlsb)</source>
        <translation>Excel 二进制工作簿（.xlsb）</translation>
    </message>
    <message>
        <source>an OpenDocument spreadsheet (.ods)</source>
        <translation>OpenDocument 电子表格（.ods）</translation>
    </message>
    <message>
        <source>{file} is protected with a password and cannot be read.</source>
        <translation>{file} 受密码保护，无法读取。</translation>
    </message>
    <message>
        <source>{file} cannot be read as {what} ({error}). Open it in Excel or WPS, save it as an Excel Workbook (.xlsx) and import that.</source>
        <translation>{file} 无法作为{what}读取（{error}）。请用 Excel 或 WPS 打开，另存为 Excel 工作簿（.xlsx）后再导入。</translation>
    </message>
    <message>
        <source>a workbook without worksheets</source>
        <translation>没有工作表的工作簿</translation>
    </message>
    <message>
        <source>{n} cells beyond column ZZ were not read (no dossier field is that far right)</source>
        <translation>ZZ 列以右的 {n} 个单元格未读取（没有档案字段在那么靠右的位置）</translation>
    </message>
    <message>
        <source>The cell holds the Excel error {value} (a formula that failed), not a value. Correct it in the sheet and import again.</source>
        <translation>该单元格是 Excel 错误值 {value}（公式计算失败），不是数据。请在表格中更正后再导入。</translation>
    </message>
    <message>
        <source>The address code {code} of this resident ID number is not in the county list (a county created or renamed later?): please check it</source>
        <translation>该身份证号码的地址码 {code} 不在县级行政区划表中（可能是后来新设或更名的县区），请核对</translation>
    </message>
    <message>
        <source>&apos;{value}&apos; is not a mobile number (11 digits starting with 1)</source>
        <translation>“{value}”不是手机号码（应为以 1 开头的 11 位数字）</translation>
    </message>
    <message>
        <source>Duplicate keys</source>
        <translation>查重键</translation>
    </message>
    <message>
        <source>A backup is being restored into &apos;{path}&apos; right now: the change was not saved. Try again in a moment (the window shows the restored data when it is done).</source>
        <translation>正在向“{path}”恢复备份：这次修改没有保存。请稍后再试（恢复完成后窗口会显示恢复的数据）。</translation>
    </message>
    <message>
        <source>The login &apos;{role}&apos; is not a user of the kehu database &apos;{path}&apos;. Log in with your kehu user name, or ask the administrator to add you (Office → Users and rights).</source>
        <translation>登录名“{role}”不是 kehu 数据库“{path}”的用户。请用您的 kehu 用户名登录，或请管理员添加您（办公室 → 用户和权限）。</translation>
    </message>
    <message>
        <source>The table &apos;{name}&apos; is missing: its data is gone. Restore the latest backup.</source>
        <translation>缺少数据表“{name}”：其中的数据已丢失。请恢复最近的备份。</translation>
    </message>
    <message>
        <source>The index &apos;{name}&apos; of the table &apos;{table}&apos; is missing (left out by an interrupted bulk load): searches and lists are slow.</source>
        <translation>数据表“{table}”缺少索引“{name}”（批量写入中断后遗留）：搜索和列表会变慢。</translation>
    </message>
    <message>
        <source>The trigger &apos;{name}&apos; of the table &apos;{table}&apos; is missing (left out by an interrupted bulk load): the classification counts are no longer kept.</source>
        <translation>数据表“{table}”缺少触发器“{name}”（批量写入中断后遗留）：分类计数不再更新。</translation>
    </message>
    <message>
        <source>Import {batch} ({file}) was interrupted: the rows of its finished parts are kept; undo it as a whole with `kehu import --undo {batch}`.</source>
        <translation>导入 {batch}（{file}）被中断：已完成部分的记录保留；可用 `kehu import --undo {batch}` 整体撤销。</translation>
    </message>
    <message>
        <source>The file is damaged (integrity check: {detail}). Stop working in it and restore the latest good backup.</source>
        <translation>文件已损坏（完整性检查：{detail}）。请停止使用它，并恢复最近的完好备份。</translation>
    </message>
    <message>
        <source>{count} rows point to rows that no longer exist (in: {tables}).</source>
        <translation>有 {count} 行引用了已不存在的记录（数据表：{tables}）。</translation>
    </message>
    <message>
        <source>The schema is version {version}: open it to upgrade.</source>
        <translation>数据库结构是第 {version} 版：打开它即可升级。</translation>
    </message>
    <message>
        <source>Import {batch} ({file}, started {started}) still says &quot;running&quot; but its program has stopped: it was interrupted.</source>
        <translation>导入 {batch}（{file}，开始于 {started}）仍显示“进行中”，但其程序已停止：导入被中断。</translation>
    </message>
    <message>
        <source>{count} classification counts differ from the customers&apos; categories: the trees show wrong numbers.</source>
        <translation>有 {count} 个分类计数与客户的分类不符：分类树显示的数字不对。</translation>
    </message>
    <message>
        <source>{count} of {total} customers have no search keys: searching their name, pinyin, code or phone finds nothing.</source>
        <translation>{total} 个客户中有 {count} 个没有搜索键：按名称、拼音、编号或电话都搜不到。</translation>
    </message>
    <message>
        <source>{count} customers have no duplicate keys: the duplicate check while typing and the duplicate scan miss them.</source>
        <translation>{count} 个客户没有查重键：输入时的重复提示和查重扫描都会漏掉它们。</translation>
    </message>
    <message>
        <source>{count} customers are missing from the name index: a search for a part of their name misses them.</source>
        <translation>有 {count} 个客户不在名称索引中：搜索名称中的一部分时找不到它们。</translation>
    </message>
    <message>
        <source>{file} has a shared-strings table of {size} MB unpacked; at most {limit} MB can be read. Split the workbook (or save it as CSV) and import the parts.</source>
        <translation>{file} 的共享字符串表解压后有 {size} MB，最多只能读取 {limit} MB。请拆分工作簿（或另存为 CSV）后分批导入。</translation>
    </message>
    <message>
        <source> … [cut here: a cell holds {limit} characters; {n} more are in the dossier]</source>
        <translation> …［此处截断：一个单元格最多容纳 {limit} 个字符，其余 {n} 个字符见客户档案］</translation>
    </message>
    <message>
        <source>The number {value} is no possible date serial (Excel&apos;s dates run from 1 = 1900-01-01 to 2958465 = 9999-12-31)</source>
        <translation>数字 {value} 不是可能的日期序列号（Excel 日期从 1 = 1900-01-01 到 2958465 = 9999-12-31）</translation>
    </message>
    <message>
        <source>{date} is before 1900-01-01: no real date here</source>
        <translation>{date} 早于 1900-01-01：不是真实的日期</translation>
    </message>
    <message>
        <source>Control characters (such as NUL or a vertical tab) were removed: Excel cannot hold them</source>
        <translation>已删除控制字符（如 NUL 或垂直制表符）：Excel 无法保存这类字符</translation>
    </message>
    <message>
        <source>Not classified</source>
        <translation>未分类</translation>
    </message>
    <message>
        <source>No owner</source>
        <translation>无负责人</translation>
    </message>
    <message>
        <source>No sales in the period</source>
        <translation>期间内无销售</translation>
    </message>
    <message>
        <source>No classification scheme &apos;{name}&apos;</source>
        <translation>找不到分类维度“{name}”</translation>
    </message>
    <message>
        <source>Per salesperson</source>
        <translation>按推销员</translation>
    </message>
    <message>
        <source>You cannot see this customer</source>
        <translation>您无权查看此客户</translation>
    </message>
    <message>
        <source>No category number {id}</source>
        <translation>没有编号为 {id} 的分类</translation>
    </message>
    <message>
        <source>Product shares per salesperson are not offered; pick a scheme</source>
        <translation>不提供按推销员的商品构成，请选择一个分类维度</translation>
    </message>
    <message>
        <source>Customer category</source>
        <translation>客户分类</translation>
    </message>
    <message>
        <source>Grading of {period} ({n} customers)</source>
        <translation>{period} 的等级划分（{n} 个客户）</translation>
    </message>
    <message>
        <source>The grade scheme needs three categories (A, B, C)</source>
        <translation>客户等级维度需要三个分类（A、B、C）</translation>
    </message>
    <message>
        <source>Thresholds must satisfy 0 &lt; A ≤ B ≤ 100 (given {a} and {b})</source>
        <translation>界限须满足 0 &lt; A ≤ B ≤ 100（现为 {a} 和 {b}）</translation>
    </message>
    <message>
        <source>No grading to undo</source>
        <translation>没有可撤销的等级划分</translation>
    </message>
    <message>
        <source>You can only undo your own gradings</source>
        <translation>只能撤销自己做的等级划分</translation>
    </message>
    <message>
        <source>Sales composition</source>
        <translation>销售构成</translation>
    </message>
    <message>
        <source>Product composition</source>
        <translation>商品构成</translation>
    </message>
    <message>
        <source>ABC grading</source>
        <translation>ABC 分级</translation>
    </message>
    <message>
        <source>Sales trend</source>
        <translation>销售趋势</translation>
    </message>
    <message>
        <source>Period {period}</source>
        <translation>期间 {period}</translation>
    </message>
    <message>
        <source>Unknown analysis &apos;{name}&apos;</source>
        <translation>未知的分析“{name}”</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Sales (yuan)</source>
        <translation>销售额（元）</translation>
    </message>
    <message>
        <source>Share %</source>
        <translation>占比 %</translation>
    </message>
    <message>
        <source>Shares are rounded to one decimal so that they add up to 100 %.</source>
        <translation>占比保留一位小数，合计为 100%。</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Cumulative %</source>
        <translation>累计 %</translation>
    </message>
    <message>
        <source>Proposed grade</source>
        <translation>建议等级</translation>
    </message>
    <message>
        <source>Current grade</source>
        <translation>当前等级</translation>
    </message>
    <message>
        <source>A up to {a} %, B up to {b} %, C the rest (also customers without sales).</source>
        <translation>A 类累计至 {a}%，B 类至 {b}%，其余为 C 类（含期间内无销售的客户）。</translation>
    </message>
    <message>
        <source>A: {na} customers, B: {nb}, C: {nc} ({idle} without sales).</source>
        <translation>A 类 {na} 个客户，B 类 {nb} 个，C 类 {nc} 个（其中 {idle} 个无销售）。</translation>
    </message>
    <message>
        <source>Grade changes if applied: {moves}</source>
        <translation>应用后的等级变化：{moves}</translation>
    </message>
    <message>
        <source>Top customers: {names}</source>
        <translation>销售额前列的客户：{names}</translation>
    </message>
    <message>
        <source>Top products: {names}</source>
        <translation>销售额前列的商品：{names}</translation>
    </message>
    <message>
        <source>{n} customers bought more than {p} % less than in the period before (a list to visit).</source>
        <translation>{n} 个客户的销售额比上一期下降超过 {p}%（待访问名单）。</translation>
    </message>
    <message>
        <source>Customers (count)</source>
        <translation>客户数</translation>
    </message>
    <message>
        <source>Average per customer (yuan)</source>
        <translation>户均销售额（元）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Customers: those classified in the category, whether they bought or not.</source>
        <translation>客户数：归入该分类的客户（无论期间内是否有交易）。</translation>
    </message>
    <message>
        <source>The first {n} of {total} customers with sales.</source>
        <translation>有销售的 {total} 个客户中的前 {n} 个。</translation>
    </message>
    <message>
        <source>Shares in the period: {parts}</source>
        <translation>期间内占比：{parts}</translation>
    </message>
    <message>
        <source>(no product)</source>
        <translation>（无商品）</translation>
    </message>
    <message>
        <source>When</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>审计记录</translation>
    </message>
    <message>
        <source>Too many failed logins: wait {seconds} s before the next try.</source>
        <translation>登录失败次数过多：请等待 {seconds} 秒后再试。</translation>
    </message>
    <message>
        <source>A password needs at least {n} characters; nothing was changed.</source>
        <translation>密码至少需要 {n} 个字符；未做任何更改。</translation>
    </message>
    <message>
        <source>There is no user {user} in this database.</source>
        <translation>此数据库中没有用户 {user}。</translation>
    </message>
    <message>
        <source>The user {user} is disabled.</source>
        <translation>用户 {user} 已停用。</translation>
    </message>
    <message>
        <source>A user needs a user name; nothing was changed.</source>
        <translation>用户必须有用户名；未做任何更改。</translation>
    </message>
    <message>
        <source>Unknown role {role}; use salesperson, manager or admin.</source>
        <translation>未知角色 {role}；可用 salesperson（推销员）、manager（经理）或 admin（管理员）。</translation>
    </message>
    <message>
        <source>The user name {user} is taken; nothing was changed.</source>
        <translation>用户名 {user} 已被占用；未做任何更改。</translation>
    </message>
    <message>
        <source>This is the first password in this database: from now on everyone logs in. Set your own password in the same step; nothing was changed.</source>
        <translation>这是此数据库的第一个密码：此后每个人都需要登录。请同时设置您自己的密码；未做任何更改。</translation>
    </message>
    <message>
        <source>This key person does not exist any more.</source>
        <translation>此关键人物已不存在。</translation>
    </message>
    <message>
        <source>A visit cadence is between 1 and 366 days.</source>
        <translation>访问周期在 1 到 366 天之间。</translation>
    </message>
    <message>
        <source>This category does not exist any more.</source>
        <translation>此分类已不存在。</translation>
    </message>
    <message>
        <source>sales composition, ABC grading, trend, dossier completeness</source>
        <translation>销售构成、ABC 分级、趋势、档案健全度</translation>
    </message>
    <message>
        <source>Computing completeness</source>
        <translation>正在计算档案健全度</translation>
    </message>
    <message>
        <source>{count} customers have no completeness yet: the window computes it in the background, `kehu repair` at once.</source>
        <translation>{count} 个客户尚无健全度：窗口会在后台计算，`kehu repair` 立即计算。</translation>
    </message>
    <message>
        <source>Dossier completeness</source>
        <translation>档案健全度</translation>
    </message>
    <message>
        <source>Below {low} %</source>
        <translation>低于 {low} %</translation>
    </message>
    <message>
        <source>Below {low} %: {n} of {total} customers</source>
        <translation>低于 {low} %：{total} 个客户中有 {n} 个</translation>
    </message>
    <message>
        <source>Average completeness %</source>
        <translation>平均健全度 %</translation>
    </message>
    <message>
        <source>Share below {low} %</source>
        <translation>低于 {low} % 的占比</translation>
    </message>
    <message>
        <source>Not computed yet</source>
        <translation>尚未计算</translation>
    </message>
    <message>
        <source>Active customers; the score weighs the key items more, and a prospective customer (未来客户) is measured on the basic data only.</source>
        <translation>统计正常状态的客户；关键项目权重更高，未来客户只按基础资料计算。</translation>
    </message>
    <message>
        <source>{n} customers have no completeness yet (being computed; or kehu repair).</source>
        <translation>{n} 个客户尚无健全度（正在计算；或运行 kehu repair）。</translation>
    </message>
    <message>
        <source>The server already has a login named {role} (the login of user name {user}): choose another user name; nothing was changed.</source>
        <translation>服务器上已有名为 {role} 的登录名（即用户名 {user} 对应的登录名）：请另选一个用户名；未做任何更改。</translation>
    </message>
    <message>
        <source>A server database is not restored from kehu: an administrator restores a pg_dump backup on the server with PostgreSQL&apos;s pg_restore (docs/SERVER.md, Backups). kehu&apos;s restore puts a backup in place of a database file.</source>
        <translation>服务器数据库不在 kehu 中恢复：由管理员在服务器上用 PostgreSQL 的 pg_restore 恢复 pg_dump 备份（见 docs/SERVER.md“备份”一节）。kehu 的恢复功能用于把备份放回数据库文件。</translation>
    </message>
    <message>
        <source>Automatic backups copy a database file; a server database is backed up on the server (pg_dump every night: docs/SERVER.md, Backups). File → Back up now writes a pg_dump backup from here.</source>
        <translation>自动备份复制的是数据库文件；服务器数据库在服务器上备份（每晚运行 pg_dump，见 docs/SERVER.md“备份”一节）。“文件 → 立即备份”可以从本机写一份 pg_dump 备份。</translation>
    </message>
    <message>
        <source>A server database has no file mode (local or shared): the server keeps its own files and journal.</source>
        <translation>服务器数据库没有文件模式（本机或共享）：文件和日志由服务器自己管理。</translation>
    </message>
    <message>
        <source>Comparing</source>
        <translation>比对中</translation>
    </message>
    <message>
        <source>score</source>
        <translation>分数</translation>
    </message>
    <message>
        <source>reasons</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>疑似重复</translation>
    </message>
    <message>
        <source>overdue is one of {choices}, not &apos;{value}&apos;</source>
        <translation>overdue 只能是 {choices} 之一，不能是“{value}”</translation>
    </message>
    <message>
        <source>{grade}: never visited (every {days} days)</source>
        <translation>{grade}：从未拜访（每 {days} 天）</translation>
    </message>
    <message>
        <source>{grade}: {n} days overdue (every {days} days)</source>
        <translation>{grade}：逾期 {n} 天（每 {days} 天）</translation>
    </message>
    <message>
        <source>Only the stops overdue by their grade&apos;s visit cadence, by grade and days</source>
        <translation>只列出超过等级拜访周期的站点，按等级和逾期天数排列</translation>
    </message>
    <message>
        <source>Exported {n} filled forms ({pages} pages) to {path}</source>
        <translation>已导出 {n} 份填好的资料表（{pages} 页）到 {path}</translation>
    </message>
    <message>
        <source>Exported {n} labels ({pages} pages) to {path}</source>
        <translation>已导出 {n} 个标签（{pages} 页）到 {path}</translation>
    </message>
    <message>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <source>Key persons as contacts (vCard)</source>
        <translation>关键人物通讯录（vCard）</translation>
    </message>
    <message>
        <source>Exported route sheets with {n} stops ({pages} pages) to {path}</source>
        <translation>已导出路序表，共 {n} 个站点（{pages} 页）到 {path}</translation>
    </message>
    <message>
        <source>Exported a visit report of {n} rows ({pages} pages) to {path}</source>
        <translation>已导出访问报表，共 {n} 行（{pages} 页）到 {path}</translation>
    </message>
    <message>
        <source>Exported the analysis ({n} rows) to {path}</source>
        <translation>已将分析（{n} 行）导出到 {path}</translation>
    </message>
    <message>
        <source>Exported {n} contacts to {path}</source>
        <translation>已导出 {n} 位联系人到 {path}</translation>
    </message>
    <message>
        <source>Unknown format &apos;{fmt}&apos;; choose {formats}</source>
        <translation>未知格式“{fmt}”，可选：{formats}</translation>
    </message>
    <message>
        <source>Sales</source>
        <translation>销售记录</translation>
    </message>
    <message>
        <source>A CSV file holds one sheet: export persons, visits or sales as xlsx</source>
        <translation>CSV 文件只能容纳一个工作表：关键人物、访问或销售请导出为 xlsx</translation>
    </message>
    <message>
        <source>Unknown sheet &apos;{name}&apos;; choose persons, visits or sales</source>
        <translation>未知的工作表“{name}”，可选 persons、visits、sales</translation>
    </message>
    <message>
        <source>There is no column named &apos;{name}&apos;</source>
        <translation>没有叫“{name}”的列</translation>
    </message>
    <message>
        <source>This customer exists but belongs to another salesperson; you may not change it</source>
        <translation>该客户已存在，但属于其他推销员，你无权修改</translation>
    </message>
    <message>
        <source>The customer code {code} is taken; a new code was given</source>
        <translation>客户编号 {code} 已被使用，已分配新编号</translation>
    </message>
    <message>
        <source>The customer name is empty</source>
        <translation>客户名称为空</translation>
    </message>
    <message>
        <source>Key-person details are filled in but the key person&apos;s name is empty</source>
        <translation>填写了联系人信息，但联系人姓名为空</translation>
    </message>
    <message>
        <source>Reading customer forms</source>
        <translation>正在读取客户资料表</translation>
    </message>
    <message>
        <source>Customer {code} not found (or not visible to you); this form was not imported</source>
        <translation>找不到客户 {code}（或你无权查看），这份资料表未导入</translation>
    </message>
    <message>
        <source>&apos;{sheet}&apos;: nothing was changed</source>
        <translation>“{sheet}”：没有修改</translation>
    </message>
    <message>
        <source>Reading key persons</source>
        <translation>正在读取联系人</translation>
    </message>
    <message>
        <source>No key-person header in the sheet &apos;{sheet}&apos; (customer code/name and name are needed)</source>
        <translation>工作表“{sheet}”中找不到联系人的标题行（需要 客户编号/客户名称 和 姓名）</translation>
    </message>
    <message>
        <source>The customer of this key person was not found</source>
        <translation>找不到这位联系人所属的客户</translation>
    </message>
    <message>
        <source>The key person has no name</source>
        <translation>联系人姓名为空</translation>
    </message>
    <message>
        <source>The key person {name} was imported already (same name and phone)</source>
        <translation>关键人物 {name} 已导入过（姓名和电话相同），只保存一次</translation>
    </message>
    <message>
        <source>Reading rows</source>
        <translation>正在读取行</translation>
    </message>
    <message>
        <source>The sheet &apos;{sheet}&apos; is empty</source>
        <translation>工作表“{sheet}”是空的</translation>
    </message>
    <message>
        <source>Customer forms need no column mapping</source>
        <translation>客户资料表无需列映射</translation>
    </message>
    <message>
        <source>The sheet &apos;{sheet}&apos; has a header (row {row}) but no rows under it</source>
        <translation>工作表“{sheet}”有表头（第 {row} 行），但下面没有数据行</translation>
    </message>
    <message>
        <source>Required columns are missing: {columns} (header row {row})</source>
        <translation>缺少必需的列：{columns}（标题行在第{row}行）</translation>
    </message>
    <message>
        <source>No header row found: no row among the first 30 has column names that match dossier fields (such as 客户名称 or 电话). Map the columns in the wizard or pass a --mapping file.</source>
        <translation>找不到标题行：前30行中没有一行的列名能对应到客户资料字段（如 客户名称、电话）。请在向导中手动指定列，或使用 --mapping 映射文件。</translation>
    </message>
    <message>
        <source>Columns not imported (no field matches their header): {columns}</source>
        <translation>以下列未导入（表头没有对应的字段）：{columns}</translation>
    </message>
    <message>
        <source>Column {column} &apos;{header}&apos; repeats column {earlier} &apos;{first}&apos; and was not imported; map it by hand if it holds something else</source>
        <translation>{column} 列“{header}”与 {earlier} 列“{first}”重复，未导入；如果它的内容不同，请手动映射</translation>
    </message>
    <message>
        <source>The sheet &apos;{sheet}&apos; is empty; other sheets: {others}</source>
        <translation>工作表“{sheet}”是空的；其他工作表：{others}</translation>
    </message>
    <message>
        <source>A total row ({word}) was skipped</source>
        <translation>已跳过合计行（{word}）</translation>
    </message>
    <message>
        <source>customer code</source>
        <translation>客户编号</translation>
    </message>
    <message>
        <source>credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>customer name</source>
        <translation>客户名称</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>row {row} has the same {what} as the existing customer {code}</source>
        <translation>第{row}行与已有客户 {code} 的{what}相同</translation>
    </message>
    <message>
        <source>row {row} has the same {what} as row {other}</source>
        <translation>第{row}行与第{other}行的{what}相同</translation>
    </message>
    <message>
        <source>[dry run, nothing written] {file} ({sheet}): {rows} rows; would be created {created}, would be updated {updated}, unchanged {unchanged}, duplicates skipped {skipped}, rejected {rejected}</source>
        <translation>【试运行，未写入】{file}（{sheet}）：共 {rows} 行；将新建 {created}，将更新 {updated}，无变化 {unchanged}，跳过重复 {skipped}，未导入 {rejected}</translation>
    </message>
    <message>
        <source>{file} ({sheet}): {rows} rows; created {created}, updated {updated}, unchanged {unchanged}, duplicates skipped {skipped}, rejected {rejected}</source>
        <translation>{file}（{sheet}）：共 {rows} 行；新建 {created}，更新 {updated}，无变化 {unchanged}，跳过重复 {skipped}，未导入 {rejected}</translation>
    </message>
    <message>
        <source>Customer-filled forms waiting for review: {n}</source>
        <translation>待审核的客户填写资料：{n} 份</translation>
    </message>
    <message>
        <source>Hidden rows skipped: {n}</source>
        <translation>跳过隐藏行 {n} 行</translation>
    </message>
    <message>
        <source>This form was already reviewed</source>
        <translation>这份资料已经审核过了</translation>
    </message>
    <message>
        <source>&apos;{field}&apos; is invalid and cannot be accepted</source>
        <translation>“{field}”的内容无效，不能接受</translation>
    </message>
    <message>
        <source>(new customer)</source>
        <translation>（新客户）</translation>
    </message>
    <message>
        <source>new key person {n} · {field}</source>
        <translation>新联系人 {n} · {field}</translation>
    </message>
    <message>
        <source>key person #{n} · {field}</source>
        <translation>联系人 #{n} · {field}</translation>
    </message>
    <message>
        <source>A new customer needs its name accepted</source>
        <translation>新客户必须接受“客户名称”一项</translation>
    </message>
    <message>
        <source>A new key person needs its name accepted</source>
        <translation>新联系人必须接受姓名一项</translation>
    </message>
    <message>
        <source>Building indexes</source>
        <translation>正在建立索引</translation>
    </message>
    <message>
        <source>The date is empty</source>
        <translation>日期为空</translation>
    </message>
    <message>
        <source>The amount is empty</source>
        <translation>金额为空</translation>
    </message>
    <message>
        <source>Customer &apos;{customer}&apos; not found (or not visible to you)</source>
        <translation>找不到客户“{customer}”（或你无权查看）</translation>
    </message>
    <message>
        <source>{n} customers are named &apos;{name}&apos;: use the customer code</source>
        <translation>有{n}位客户名叫“{name}”，请用客户编号区分</translation>
    </message>
    <message>
        <source>No quantity column: each line counts as 1</source>
        <translation>没有数量列：每行按数量 1 导入</translation>
    </message>
    <message>
        <source>The product category is empty</source>
        <translation>商品类别为空</translation>
    </message>
    <message>
        <source>The quantity is empty</source>
        <translation>数量为空</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not a quantity</source>
        <translation>“{text}”不是数量</translation>
    </message>
    <message>
        <source>No import number {batch}</source>
        <translation>没有编号为 {batch} 的导入</translation>
    </message>
    <message>
        <source>This import was already undone</source>
        <translation>这次导入已经撤销过了</translation>
    </message>
    <message>
        <source>These customers were changed after the import: {codes} — undoing would lose those changes. Confirm to undo anyway.</source>
        <translation>导入后这些客户又被修改过：{codes}……撤销会丢失这些修改。确认后可强制撤销。</translation>
    </message>
    <message>
        <source>A customer cannot be merged with itself.</source>
        <translation>客户不能与自己合并。</translation>
    </message>
    <message>
        <source>Only active customers can be merged.</source>
        <translation>只能合并未归档的客户。</translation>
    </message>
    <message>
        <source>The other customer was changed meanwhile: review the merge again.</source>
        <translation>另一客户在此期间已被修改：请重新核对合并。</translation>
    </message>
    <message>
        <source>This merge does not exist.</source>
        <translation>此合并记录不存在。</translation>
    </message>
    <message>
        <source>This merge was already undone.</source>
        <translation>此合并已撤销。</translation>
    </message>
    <message>
        <source>A customer of this merge was erased: it cannot be undone.</source>
        <translation>此次合并中的一个客户已被删除，无法撤销。</translation>
    </message>
    <message>
        <source>Copy of personal data</source>
        <translation>个人信息副本</translation>
    </message>
    <message>
        <source>Changed by</source>
        <translation>修改人</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <translation>录入时间</translation>
    </message>
    <message>
        <source>Last changed on</source>
        <translation>最后修改时间</translation>
    </message>
    <message>
        <source>Personal data</source>
        <translation>个人信息</translation>
    </message>
    <message>
        <source>History</source>
        <translation>历史</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>Old value</source>
        <translation>原值</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新值</translation>
    </message>
    <message>
        <source>Repairing</source>
        <translation>正在修复</translation>
    </message>
    <message>
        <source>Created again: {names}.</source>
        <translation>已重新创建：{names}。</translation>
    </message>
    <message>
        <source>Classification counts counted again ({count} were wrong).</source>
        <translation>分类计数已重新统计（{count} 个有误）。</translation>
    </message>
    <message>
        <source>Search keys computed again for {count} customers.</source>
        <translation>已为 {count} 个客户重新计算搜索键。</translation>
    </message>
    <message>
        <source>Imports {batches} marked interrupted (their finished parts are kept; each can be undone as a whole).</source>
        <translation>导入 {batches} 已标为中断（已完成部分保留；每个都可以整体撤销）。</translation>
    </message>
    <message>
        <source>Sales summaries computed again ({tables}).</source>
        <translation>已重新计算销售汇总（{tables}）。</translation>
    </message>
    <message>
        <source>Completeness computed again for {count} customers.</source>
        <translation>已重新计算 {count} 个客户的档案健全度。</translation>
    </message>
    <message>
        <source>Indexes and triggers</source>
        <translation>索引和触发器</translation>
    </message>
    <message>
        <source>Classification counts</source>
        <translation>分类计数</translation>
    </message>
    <message>
        <source>Interrupted imports</source>
        <translation>中断的导入</translation>
    </message>
    <message>
        <source>Sales summaries</source>
        <translation>销售汇总</translation>
    </message>
    <message>
        <source>Planner statistics</source>
        <translation>查询统计信息</translation>
    </message>
    <message>
        <source>Already on another route: {names} and others, {count} in all</source>
        <translation>以下客户已在其他路线上：{names} 等{count}个</translation>
    </message>
    <message>
        <source>Already on another route: {names}</source>
        <translation>以下客户已在其他路线上：{names}</translation>
    </message>
    <message>
        <source>Enter a name for the region.</source>
        <translation>请填写区域名称。</translation>
    </message>
    <message>
        <source>The database has no region scheme.</source>
        <translation>数据库中没有“区域”分类。</translation>
    </message>
    <message>
        <source>Invalid start coordinates: latitude −90…90, longitude −180…180.</source>
        <translation>起点坐标无效：纬度 −90…90，经度 −180…180。</translation>
    </message>
    <message>
        <source>This route was deleted (perhaps by another user).</source>
        <translation>该路线已被删除（可能是其他用户删除的）。</translation>
    </message>
    <message>
        <source>Some of these customers were erased.</source>
        <translation>有客户已被删除。</translation>
    </message>
    <message>
        <source>You may not schedule some of these customers.</source>
        <translation>你没有权限安排其中一些客户。</translation>
    </message>
    <message>
        <source>The region &apos;{name}&apos; exists already.</source>
        <translation>区域“{name}”已存在。</translation>
    </message>
    <message>
        <source>Uses of the dossier</source>
        <translation>档案使用记录</translation>
    </message>
    <message>
        <source>Key person: {name}</source>
        <translation>关键人物：{name}</translation>
    </message>
    <message>
        <source>Made on {when} by {user}, from the dossier of {customer}.</source>
        <translation>由{user}于{when}根据客户{customer}的档案制作。</translation>
    </message>
    <message>
        <source>The Today panel&apos;s keys computed again ({count} were wrong).</source>
        <translation>已重新计算今日面板的索引数据（{count} 条有误）。</translation>
    </message>
    <message>
        <source>Today panel keys</source>
        <translation>今日面板索引数据</translation>
    </message>
    <message>
        <source>Enter a name for the route.</source>
        <translation>请填写路线名称。</translation>
    </message>
    <message>
        <source>A route name has at most 60 characters.</source>
        <translation>路线名称最多60个字。</translation>
    </message>
    <message>
        <source>The chosen region does not exist.</source>
        <translation>所选区域不存在。</translation>
    </message>
    <message>
        <source>There is no such region.</source>
        <translation>没有这个区域。</translation>
    </message>
    <message>
        <source>The region &apos;{name}&apos; has sub-regions; move or delete them first.</source>
        <translation>区域“{name}”有下级区域；请先移动或删除它们。</translation>
    </message>
    <message>
        <source>Customers are classified in the region &apos;{name}&apos;; move them first.</source>
        <translation>区域“{name}”中还有客户分类；请先把他们移走。</translation>
    </message>
    <message>
        <source>The region &apos;{name}&apos; still has {n} routes; choose where they go.</source>
        <translation>区域“{name}”还有 {n} 条路线；请选择把它们移到哪里。</translation>
    </message>
    <message>
        <source>Choose another region for the routes.</source>
        <translation>请为这些路线另选一个区域。</translation>
    </message>
    <message>
        <source>You cannot change this customer&apos;s sales</source>
        <translation>您不能修改此客户的销售记录</translation>
    </message>
    <message>
        <source>Amounts have at most two decimals (fen)</source>
        <translation>金额最多两位小数（分）</translation>
    </message>
    <message>
        <source>This sale line no longer exists</source>
        <translation>这条销售记录已不存在</translation>
    </message>
    <message>
        <source>A product needs a name and a category</source>
        <translation>商品需要名称和类别</translation>
    </message>
    <message>
        <source>There is already a product named &apos;{name}&apos;</source>
        <translation>已有名为“{name}”的商品</translation>
    </message>
    <message>
        <source>The product code &apos;{code}&apos; is taken</source>
        <translation>商品编码“{code}”已被使用</translation>
    </message>
    <message>
        <source>Sale lines name this product: it stays in the list</source>
        <translation>有销售记录使用此商品，不能从列表中删除</translation>
    </message>
    <message>
        <source>&apos;{text}&apos; is not an amount in yuan</source>
        <translation>“{text}”不是以元为单位的金额</translation>
    </message>
    <message>
        <source>Several categories are named &apos;{name}&apos;: use the id</source>
        <translation>有多个分类叫“{name}”，请用编号</translation>
    </message>
    <message>
        <source>No category named &apos;{name}&apos;</source>
        <translation>找不到分类“{name}”</translation>
    </message>
    <message>
        <source>No route named &apos;{name}&apos;</source>
        <translation>找不到路线“{name}”</translation>
    </message>
    <message>
        <source>No customer you may see has the code {codes}; nothing was done.</source>
        <translation>没有您可查看的客户编号为 {codes}；未做任何更改。</translation>
    </message>
    <message>
        <source>The copy differs from the original in: {tables}. Do not use it.</source>
        <translation>副本与原数据库不一致：{tables}。请不要使用该副本。</translation>
    </message>
    <message>
        <source>{path} exists already: choose a new file (nothing was changed).</source>
        <translation>{path} 已存在：请选择一个新文件（未做任何更改）。</translation>
    </message>
    <message>
        <source>The server database {url} is not empty: move a file into a new, empty database (nothing was changed).</source>
        <translation>服务器数据库 {url} 不是空的：请把文件迁移到一个新的空数据库（未做任何更改）。</translation>
    </message>
    <message>
        <source>Transferring customers</source>
        <translation>正在转移客户</translation>
    </message>
    <message>
        <source>{user} is disabled: choose an active user.</source>
        <translation>{user} 已停用：请选择在用的用户。</translation>
    </message>
    <message>
        <source>Some of these customers were erased; nothing was changed.</source>
        <translation>其中有些客户已被删除；未做任何更改。</translation>
    </message>
    <message>
        <source>{manager} works under {user}: they cannot be {user}&apos;s manager.</source>
        <translation>{manager} 是 {user} 的下属，不能做 {user} 的上级。</translation>
    </message>
    <message>
        <source>You cannot disable yourself; nothing was changed.</source>
        <translation>不能停用自己；未做任何更改。</translation>
    </message>
    <message>
        <source>A display name cannot be empty; nothing was changed.</source>
        <translation>显示名称不能为空；未做任何更改。</translation>
    </message>
    <message>
        <source>You cannot take your own administrator role; nothing was changed.</source>
        <translation>不能取消自己的管理员角色；未做任何更改。</translation>
    </message>
    <message>
        <source>Unknown report kind &apos;{kind}&apos;</source>
        <translation>未知的报告类型“{kind}”</translation>
    </message>
    <message>
        <source>Enter the date of the visit.</source>
        <translation>请填写访问日期。</translation>
    </message>
    <message>
        <source>The next visit cannot be before this visit.</source>
        <translation>下次访问日期不能早于本次访问日期。</translation>
    </message>
    <message>
        <source>You may not record visits for this salesperson.</source>
        <translation>你不能替这位推销员登记访问。</translation>
    </message>
    <message>
        <source>This customer does not exist.</source>
        <translation>该客户不存在。</translation>
    </message>
    <message>
        <source>You may not see this customer.</source>
        <translation>你没有权限查看该客户。</translation>
    </message>
    <message>
        <source>This visit report was deleted.</source>
        <translation>该访问记录已被删除。</translation>
    </message>
    <message>
        <source>Invalid date: {date}</source>
        <translation>日期无效：{date}</translation>
    </message>
</context>
</TS>
