<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>MainWindow</name>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>转到(&amp;G)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;Open RDF file…</source>
        <translation>打开 RDF 文件(&amp;O)…</translation>
    </message>
    <message>
        <source>Open &amp;recent</source>
        <translation>最近打开(&amp;R)</translation>
    </message>
    <message>
        <source>Back to the &amp;article graph</source>
        <translation>回到文章图谱(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Clear the index cache</source>
        <translation>清除索引缓存(&amp;C)</translation>
    </message>
    <message>
        <source>Index cache cleared: %1 files, %2 MB freed.</source>
        <translation>索引缓存已清除：%1 个文件，释放 %2 MB。</translation>
    </message>
    <message>
        <source>&amp;Labels</source>
        <translation>标签语言(&amp;L)</translation>
    </message>
    <message>
        <source>Chinese labels (中文)</source>
        <translation>中文标签</translation>
    </message>
    <message>
        <source>English labels</source>
        <translation>英文标签 (English)</translation>
    </message>
    <message>
        <source>Both (中文 / English)</source>
        <translation>中英对照 (中文 / English)</translation>
    </message>
    <message>
        <source>&amp;Interface language</source>
        <translation>界面语言(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Panels</source>
        <translation>面板(&amp;P)</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>搜索</translation>
    </message>
    <message>
        <source>Hierarchy</source>
        <translation>层级结构</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Path finder</source>
        <translation>路径查找</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>图谱</translation>
    </message>
    <message>
        <source>Go to %1</source>
        <translation>转到%1</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;About KG Explorer</source>
        <translation>关于 KG Explorer(&amp;A)</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <source>About KG Explorer</source>
        <translation>关于 KG Explorer</translation>
    </message>
    <message>
        <source>KG Explorer: organizations, mechanisms and initiatives of a knowledge graph, with the source&#x27;s own words for every fact.</source>
        <translation>KG Explorer：浏览知识图谱中的组织、机制与举措，每条事实均附原文出处。</translation>
    </message>
    <message>
        <source>Fetching…</source>
        <translation>正在获取…</translation>
    </message>
    <message>
        <source>Could not fetch %1 (%2). Try again, or open a local file.</source>
        <translation>无法获取 %1（%2）。请重试，或打开本地文件。</translation>
    </message>
    <message>
        <source>No Chinese font: labels show as boxes. Fix: %1</source>
        <translation>未安装中文字体，标签显示为方框。解决：%1</translation>
    </message>
    <message>
        <source>article graph</source>
        <translation>文章图谱</translation>
    </message>
    <message>
        <source>Nothing selected</source>
        <translation>未选择</translation>
    </message>
    <message>
        <source>Open RDF file</source>
        <translation>打开 RDF 文件</translation>
    </message>
    <message>
        <source>the article graph</source>
        <translation>文章图谱</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>正在加载 %1…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Loading cancelled; the current graph stays.</source>
        <translation>已取消加载，保留当前图谱。</translation>
    </message>
    <message>
        <source>Indexing for search: %1%</source>
        <translation>正在为搜索建立索引：%1%</translation>
    </message>
    <message>
        <source>Saving the index for next time: %1%</source>
        <translation>正在保存索引供下次打开：%1%</translation>
    </message>
    <message>
        <source>Loading %1: %2…</source>
        <translation>正在加载 %1：%2…</translation>
    </message>
    <message>
        <source>reading the file</source>
        <translation>读取文件</translation>
    </message>
    <message>
        <source>indexing for search</source>
        <translation>建立搜索索引</translation>
    </message>
    <message>
        <source>finding the tree roots</source>
        <translation>查找层级的根</translation>
    </message>
    <message>
        <source>ranking the entities</source>
        <translation>按连接数排序实体</translation>
    </message>
    <message>
        <source>Search indexing failed: %1</source>
        <translation>搜索索引建立失败：%1</translation>
    </message>
    <message>
        <source>Could not open the file</source>
        <translation>无法打开文件</translation>
    </message>
    <message>
        <source>Could not open %1.</source>
        <translation>无法打开 %1。</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>第 %1 行</translation>
    </message>
    <message>
        <source>column %1</source>
        <translation>第 %1 列</translation>
    </message>
    <message>
        <source>The previous graph is still open.</source>
        <translation>之前的图谱仍保持打开。</translation>
    </message>
    <message>
        <source>No entity matches “%1”.</source>
        <translation>没有与“%1”匹配的实体。</translation>
    </message>
</context>
<context>
    <name>NavigationBar</name>
    <message>
        <source>Navigation</source>
        <translation>导航</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>后退</translation>
    </message>
    <message>
        <source>Back (Alt+Left)</source>
        <translation>后退 (Alt+←)</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>前进</translation>
    </message>
    <message>
        <source>Forward (Alt+Right)</source>
        <translation>前进 (Alt+→)</translation>
    </message>
    <message>
        <source>Depth</source>
        <translation>深度</translation>
    </message>
    <message>
        <source>How many hops the neighbourhood reaches</source>
        <translation>邻域包含的跳数</translation>
    </message>
    <message>
        <source>Neighbourhood</source>
        <translation>邻域</translation>
    </message>
    <message>
        <source>Show the selected entity&#x27;s neighbourhood (Ctrl+N)</source>
        <translation>显示所选实体的邻域 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Whole graph</source>
        <translation>全图</translation>
    </message>
    <message>
        <source>Reset to the whole graph (Ctrl+R)</source>
        <translation>重置为全图 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Tree</source>
        <translation>树状图</translation>
    </message>
    <message>
        <source>Draw the organization tree, top-down (Ctrl+T)</source>
        <translation>自上而下绘制组织树 (Ctrl+T)</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>Fit the graph to the window (Ctrl+0)</source>
        <translation>使图谱适应窗口 (Ctrl+0)</translation>
    </message>
    <message>
        <source>Types</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Show or hide entity types</source>
        <translation>显示或隐藏实体类型</translation>
    </message>
    <message>
        <source>Edge labels</source>
        <translation>关系标签</translation>
    </message>
    <message>
        <source>Top-down layout</source>
        <translation>自上而下布局</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Searching…</source>
        <translation>正在搜索…</translation>
    </message>
    <message>
        <source>Search failed: %1</source>
        <translation>搜索失败：%1</translation>
    </message>
    <message>
        <source>Search: 中文, English or pinyin (Ctrl+F)</source>
        <translation>搜索：中文、英文或拼音 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Only entities of this type</source>
        <translation>只显示此类型的实体</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message numerus="yes">
        <source>%n result(s)</source>
        <translation><numerusform>%n 条结果</numerusform></translation>
    </message>
    <message>
        <source>Nothing found</source>
        <translation>未找到</translation>
    </message>
    <message>
        <source>exact name</source>
        <translation>名称完全一致</translation>
    </message>
    <message>
        <source>start of the name</source>
        <translation>名称开头</translation>
    </message>
    <message>
        <source>other name: %1</source>
        <translation>别名：%1</translation>
    </message>
    <message>
        <source>pinyin: %1</source>
        <translation>拼音：%1</translation>
    </message>
    <message>
        <source>pinyin initials: %1</source>
        <translation>拼音首字母：%1</translation>
    </message>
    <message>
        <source>part of the name</source>
        <translation>名称的一部分</translation>
    </message>
    <message>
        <source>words of the name</source>
        <translation>名称中的词</translation>
    </message>
    <message>
        <source>in the description</source>
        <translation>出现在描述中</translation>
    </message>
    <message>
        <source>similar spelling: %1</source>
        <translation>拼写相近：%1</translation>
    </message>
</context>
<context>
    <name>DetailsPanel</name>
    <message>
        <source>Select an entity in the graph, the tree or the search results.</source>
        <translation>请在图谱、层级树或搜索结果中选择一个实体。</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Also called</source>
        <translation>又称</translation>
    </message>
    <message>
        <source>Figures</source>
        <translation>数据</translation>
    </message>
    <message>
        <source>Relations</source>
        <translation>关系</translation>
    </message>
    <message>
        <source>Referred to by</source>
        <translation>被引用于</translation>
    </message>
    <message>
        <source>Evidence in the article</source>
        <translation>文章原文依据</translation>
    </message>
    <message>
        <source>OCR corrections</source>
        <translation>OCR 校正</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>出处</translation>
    </message>
    <message>
        <source>Part of</source>
        <translation>隶属于</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>head</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>People and posts</source>
        <translation>人员与职位</translation>
    </message>
</context>
<context>
    <name>PathFinder</name>
    <message>
        <source>From</source>
        <translation>起点</translation>
    </message>
    <message>
        <source>To</source>
        <translation>终点</translation>
    </message>
    <message>
        <source>Use selection</source>
        <translation>使用所选</translation>
    </message>
    <message>
        <source>Find path</source>
        <translation>查找路径</translation>
    </message>
    <message>
        <source>Entity name, pinyin or IRI</source>
        <translation>实体名称、拼音或 IRI</translation>
    </message>
    <message>
        <source>No entity matches “%1”.</source>
        <translation>没有与“%1”匹配的实体。</translation>
    </message>
    <message>
        <source>These two entities are not connected.</source>
        <translation>这两个实体之间没有连接。</translation>
    </message>
    <message numerus="yes">
        <source>%n hop(s)</source>
        <translation><numerusform>%n 步</numerusform></translation>
    </message>
    <message>
        <source>no quoted evidence</source>
        <translation>无原文引用</translation>
    </message>
    <message>
        <source>Did you mean:</source>
        <translation>您要找的是不是：</translation>
    </message>
    <message>
        <source>Section</source>
        <translation>章节</translation>
    </message>
    <message>
        <source>Sources</source>
        <translation>出处</translation>
    </message>
</context>
<context>
    <name>FiguresPanel</name>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Percentages</source>
        <translation>百分比</translation>
    </message>
    <message>
        <source>Counts</source>
        <translation>数量</translation>
    </message>
</context>
<context>
    <name>GraphMenu</name>
    <message>
        <source>Select</source>
        <translation>选择</translation>
    </message>
    <message>
        <source>Expand (show its neighbours)</source>
        <translation>展开（显示相邻实体）</translation>
    </message>
    <message>
        <source>Fold (hide what hangs from it alone)</source>
        <translation>收起（隐藏仅与其相连的实体）</translation>
    </message>
    <message>
        <source>Path from here…</source>
        <translation>从此处查找路径…</translation>
    </message>
    <message>
        <source>Path to here…</source>
        <translation>查找到此处的路径…</translation>
    </message>
    <message>
        <source>Copy IRI</source>
        <translation>复制 IRI</translation>
    </message>
    <message>
        <source>Export this view</source>
        <translation>导出当前视图</translation>
    </message>
    <message>
        <source>This view</source>
        <translation>当前视图</translation>
    </message>
</context>
<context>
    <name>HierarchyModel</name>
    <message>
        <source>Cycle in the data: this link leads back up the tree</source>
        <translation>数据中存在循环：此链接指回树的上层</translation>
    </message>
    <message>
        <source>also under %1</source>
        <translation>亦隶属于%1</translation>
    </message>
</context>
<context>
    <name>HierarchyPanel</name>
    <message>
        <source>No hierarchy in this graph (org:, skos:broader or rdfs:subClassOf).</source>
        <translation>此图谱中没有层级结构（org:、skos:broader 或 rdfs:subClassOf）。</translation>
    </message>
</context>
<context>
    <name>Legend</name>
    <message numerus="yes">
        <source>%n entities shown</source>
        <translation><numerusform>显示 %n 个实体</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n more not shown</source>
        <translation><numerusform>另有 %n 个未显示</numerusform></translation>
    </message>
</context>
<context>
    <name>ExportMenu</name>
    <message>
        <source>&amp;Export</source>
        <translation>导出(&amp;E)</translation>
    </message>
    <message>
        <source>Export options</source>
        <translation>导出选项</translation>
    </message>
    <message>
        <source>use the scale</source>
        <translation>使用缩放比例</translation>
    </message>
    <message>
        <source>Transparent background</source>
        <translation>透明背景</translation>
    </message>
    <message>
        <source>Legend of the categories</source>
        <translation>类别图例</translation>
    </message>
    <message>
        <source>Scale</source>
        <translation>缩放</translation>
    </message>
    <message>
        <source>Or width (pixels)</source>
        <translation>或宽度（像素）</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>标题</translation>
    </message>
    <message>
        <source>Folder for nodes.csv and edges.csv</source>
        <translation>nodes.csv 与 edges.csv 的文件夹</translation>
    </message>
    <message>
        <source>Export as {0}</source>
        <translation>导出为 {0}</translation>
    </message>
    <message>
        <source>The graph could not be captured.</source>
        <translation>无法截取图谱。</translation>
    </message>
    <message>
        <source>Exported to {0}</source>
        <translation>已导出到 {0}</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>导出失败</translation>
    </message>
</context>
</TS>
