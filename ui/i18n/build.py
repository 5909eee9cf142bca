"""Writes ``kg_explorer_zh_CN.ts`` from the table below and compiles it to ``.qm``.

Run after changing a user-visible string: ``python ui/i18n/build.py``. Contexts are
the classes whose ``tr()`` looks the text up (``ExportMenu`` for the export menu).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from html import escape
from pathlib import Path

HERE = Path(__file__).parent
TS = HERE / "kg_explorer_zh_CN.ts"

ZH: dict[str, dict[str, str]] = {
    "MainWindow": {
        "&File": "文件(&F)",
        "&View": "视图(&V)",
        "&Go": "转到(&G)",
        "&Help": "帮助(&H)",
        "&Open RDF file…": "打开 RDF 文件(&O)…",
        "Open &recent": "最近打开(&R)",
        "Back to the &article graph": "回到文章图谱(&A)",
        "&Quit": "退出(&Q)",
        "&Clear the index cache": "清除索引缓存(&C)",
        "Index cache cleared: %1 files, %2 MB freed.": "索引缓存已清除：%1 个文件，释放 %2 MB。",
        "&Labels": "标签语言(&L)",
        "Chinese labels (中文)": "中文标签",
        "English labels": "英文标签 (English)",
        "Both (中文 / English)": "中英对照 (中文 / English)",
        "&Interface language": "界面语言(&I)",
        "&Panels": "面板(&P)",
        "Search": "搜索",
        "Hierarchy": "层级结构",
        "Details": "详情",
        "Path finder": "路径查找",
        "Figures": "数据",
        "Graph": "图谱",
        "Go to %1": "转到%1",
        "&Keyboard shortcuts": "键盘快捷键(&K)",
        "&About KG Explorer": "关于 KG Explorer(&A)",
        "Keyboard shortcuts": "键盘快捷键",
        "About KG Explorer": "关于 KG Explorer",
        "KG Explorer: organizations, mechanisms and initiatives of a knowledge graph, "
        "with the source's own words for every fact.": (
            "KG Explorer：浏览知识图谱中的组织、机制与举措，每条事实均附原文出处。"
        ),
        "Fetching…": "正在获取…",
        "Could not fetch %1 (%2). Try again, or open a local file.": (
            "无法获取 %1（%2）。请重试，或打开本地文件。"
        ),
        "No Chinese font: labels show as boxes. Fix: %1": (
            "未安装中文字体，标签显示为方框。解决：%1"
        ),
        "article graph": "文章图谱",
        "Nothing selected": "未选择",
        "Open RDF file": "打开 RDF 文件",
        "the article graph": "文章图谱",
        "Loading %1…": "正在加载 %1…",
        "Cancel": "取消",
        "Loading cancelled; the current graph stays.": "已取消加载，保留当前图谱。",
        "Indexing for search: %1%": "正在为搜索建立索引：%1%",
        "Saving the index for next time: %1%": "正在保存索引供下次打开：%1%",
        "Loading %1: %2…": "正在加载 %1：%2…",
        "reading the file": "读取文件",
        "indexing for search": "建立搜索索引",
        "finding the tree roots": "查找层级的根",
        "ranking the entities": "按连接数排序实体",
        "Search indexing failed: %1": "搜索索引建立失败：%1",
        "Could not open the file": "无法打开文件",
        "Could not open %1.": "无法打开 %1。",
        "line %1": "第 %1 行",
        "column %1": "第 %1 列",
        "The previous graph is still open.": "之前的图谱仍保持打开。",
        "No entity matches “%1”.": "没有与“%1”匹配的实体。",
    },
    "NavigationBar": {
        "Navigation": "导航",
        "Back": "后退",
        "Back (Alt+Left)": "后退 (Alt+←)",
        "Forward": "前进",
        "Forward (Alt+Right)": "前进 (Alt+→)",
        "Depth": "深度",
        "How many hops the neighbourhood reaches": "邻域包含的跳数",
        "Neighbourhood": "邻域",
        "Show the selected entity's neighbourhood (Ctrl+N)": "显示所选实体的邻域 (Ctrl+N)",
        "Whole graph": "全图",
        "Reset to the whole graph (Ctrl+R)": "重置为全图 (Ctrl+R)",
        "Tree": "树状图",
        "Draw the organization tree, top-down (Ctrl+T)": "自上而下绘制组织树 (Ctrl+T)",
        "Fit": "适应窗口",
        "Fit the graph to the window (Ctrl+0)": "使图谱适应窗口 (Ctrl+0)",
        "Types": "类型",
        "Show or hide entity types": "显示或隐藏实体类型",
        "Edge labels": "关系标签",
        "Top-down layout": "自上而下布局",
    },
    "SearchPanel": {
        "Searching…": "正在搜索…",
        "Search failed: %1": "搜索失败：%1",
        "Search: 中文, English or pinyin (Ctrl+F)": "搜索：中文、英文或拼音 (Ctrl+F)",
        "Only entities of this type": "只显示此类型的实体",
        "All types": "全部类型",
        "%n result(s)": "%n 条结果",
        "Nothing found": "未找到",
        "exact name": "名称完全一致",
        "start of the name": "名称开头",
        "other name: %1": "别名：%1",
        "pinyin: %1": "拼音：%1",
        "pinyin initials: %1": "拼音首字母：%1",
        "part of the name": "名称的一部分",
        "words of the name": "名称中的词",
        "in the description": "出现在描述中",
        "similar spelling: %1": "拼写相近：%1",
    },
    "DetailsPanel": {
        "Select an entity in the graph, the tree or the search results.": (
            "请在图谱、层级树或搜索结果中选择一个实体。"
        ),
        "Section": "章节",
        "Also called": "又称",
        "Figures": "数据",
        "Relations": "关系",
        "Referred to by": "被引用于",
        "Evidence in the article": "文章原文依据",
        "OCR corrections": "OCR 校正",
        "Sources": "出处",
        "Part of": "隶属于",
        "Head": "负责人",
        "head": "负责人",
        "People and posts": "人员与职位",
    },
    "PathFinder": {
        "From": "起点",
        "To": "终点",
        "Use selection": "使用所选",
        "Find path": "查找路径",
        "Entity name, pinyin or IRI": "实体名称、拼音或 IRI",
        "No entity matches “%1”.": "没有与“%1”匹配的实体。",
        "These two entities are not connected.": "这两个实体之间没有连接。",
        "%n hop(s)": "%n 步",
        "no quoted evidence": "无原文引用",
        "Did you mean:": "您要找的是不是：",
        "Section": "章节",
        "Sources": "出处",
    },
    "FiguresPanel": {"People": "人数", "Percentages": "百分比", "Counts": "数量"},
    "GraphMenu": {
        "Select": "选择",
        "Expand (show its neighbours)": "展开（显示相邻实体）",
        "Fold (hide what hangs from it alone)": "收起（隐藏仅与其相连的实体）",
        "Path from here…": "从此处查找路径…",
        "Path to here…": "查找到此处的路径…",
        "Copy IRI": "复制 IRI",
        "Export this view": "导出当前视图",
        "This view": "当前视图",
    },
    "HierarchyModel": {
        "Cycle in the data: this link leads back up the tree": "数据中存在循环：此链接指回树的上层",
        "also under %1": "亦隶属于%1",
    },
    "HierarchyPanel": {
        "No hierarchy in this graph (org:, skos:broader or rdfs:subClassOf).": (
            "此图谱中没有层级结构（org:、skos:broader 或 rdfs:subClassOf）。"
        )
    },
    "Legend": {"%n entities shown": "显示 %n 个实体", "%n more not shown": "另有 %n 个未显示"},
    "ExportMenu": {
        "&Export": "导出(&E)",
        "Export options": "导出选项",
        "use the scale": "使用缩放比例",
        "Transparent background": "透明背景",
        "Legend of the categories": "类别图例",
        "Scale": "缩放",
        "Or width (pixels)": "或宽度（像素）",
        "Title": "标题",
        "Folder for nodes.csv and edges.csv": "nodes.csv 与 edges.csv 的文件夹",
        "Export as {0}": "导出为 {0}",
        "The graph could not be captured.": "无法截取图谱。",
        "Exported to {0}": "已导出到 {0}",
        "Export failed": "导出失败",
    },
}


def write_ts() -> None:
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        "<!DOCTYPE TS>",
        '<TS version="2.1" language="zh_CN">',
    ]
    for context, table in ZH.items():
        out.append(f"<context>\n    <name>{context}</name>")
        for source, text in table.items():
            if "%n" in source:
                out.append(
                    f'    <message numerus="yes">\n        <source>{escape(source)}</source>\n'
                    f"        <translation><numerusform>{escape(text)}</numerusform>"
                    "</translation>\n"
                    "    </message>"
                )
            else:
                out.append(
                    f"    <message>\n        <source>{escape(source)}</source>\n"
                    f"        <translation>{escape(text)}</translation>\n    </message>"
                )
        out.append("</context>")
    out.append("</TS>\n")
    TS.write_text("\n".join(out), encoding="utf-8")


def compile_qm() -> None:
    lrelease = shutil.which("pyside6-lrelease") or str(
        Path(sys.executable).with_name("pyside6-lrelease")
    )
    subprocess.run([lrelease, str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)


if __name__ == "__main__":
    write_ts()
    compile_qm()
