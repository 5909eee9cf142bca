"""The curated knowledge graph of the Lanzhou article (2021-01-04, page B1), as data.

Every quote is copied from the OCR text as printed (OCR errors included); quotes are
matched with all whitespace removed, so they may run across a column line break.
Section numbers: 0 banner, title, byline, lead and photo caption; 1-3 the three
headings; 4-6 the three run-in sub-headings of section 3.
``python -m graph_data._build`` renders this module as ``article.ttl``.
"""

from __future__ import annotations

from graph_data._build import Builder, lit

kg = Builder()
E, R = kg.entity, kg.rel

# The data below is a table: one call per entity, relation or figure, kept compact.
# fmt: off

ARTICLE_TITLE_ZH = "全域党建引领全域治理 开创城市基层党建工作新局面"
ARTICLE_TITLE_EN = (
    "Whole-area Party building leading whole-area governance: "
    "opening a new chapter in urban grassroots Party building"
)

SECTIONS = [
    (0, "导语(版头、标题、署名、图片说明)", "Lead (banner, title, byline, photo caption)", None),
    (1, "树立全域党建理念 着力强化系统思维、整体思维",
     "Establish the concept of whole-area Party building; strengthen systems and holistic "
     "thinking", None),
    (2, "坚持全域四级联动 全力推动责任到底、改革到位",
     "Keep to whole-area four-level linkage; push responsibility all the way down and reform "
     "all the way through", None),
    (3, "突出全域共驻共建 更加有效聚合力量、融合发展",
     "Give prominence to whole-area joint building by co-located units; pool forces and "
     "integrate development more effectively", None),
    (4, "完善组织联结", "Improving organizational linkage", 3),
    (5, "促进资源共享", "Promoting resource sharing", 3),
    (6, "增强共建实效", "Making joint building more effective", 3),
]

# ======================================================================================
# People
# ======================================================================================
E("li-rongcan", "person", "李荣灿", "Li Rongcan",
  "Author of the article; member of the Standing Committee of the Gansu Provincial Party "
  "Committee and Secretary of the Lanzhou Municipal Party Committee.",
  ("兰州市委书记 李荣灿", 0), ("李荣灿调研兰州市就业创业促进会工作", 0),
  description_zh="本文作者,甘肃省委常委、兰州市委书记。",
  alt_en=["Secretary Li Rongcan"])
E("xi-jinping", "person", "习近平", "Xi Jinping",
  "General Secretary of the CPC Central Committee; inspected Gansu in February 2013 and "
  "Lanzhou in August 2019.",
  ("2013年2月,习近平 总书记考察甘肃", 0), ("2019年8月,习近平总书 记再次来到兰州考察", 0),
  alt_zh=["习近平总书记", "总书记"], alt_en=["General Secretary Xi Jinping"])
E("meng-hang", "person", "孟航", "Meng Hang",
  "Editor responsible for this page (本版责编).", ("本版责编 孟 航", 0),
  alt_zh=["孟 航"])
E("guo-jiahui", "person", "郭佳卉", "Guo Jiahui",
  "Art editor (layout designer) of this page (本版美编).", ("本版美编 郭佳卉", 0))

# ======================================================================================
# Documents (the newspaper page, instructions, opinions, agreements)
# ======================================================================================
E("urban-party-building-weekly", "document", "城市党建周刊", "Urban Party Building Weekly",
  "The weekly urban Party-building page of the (unnamed) newspaper on which the article was "
  "printed; the newspaper's name is not in the OCR text.",
  ("城市党建 周刊", 0), hidden=["的城市党建 周刊"],
  alt_en=["urban Party-building weekly page"])
E("column-secretaries-at-the-helm", "document", "书记领航", "Secretaries at the Helm",
  "Column of the urban Party-building weekly in which Party secretaries write on their own "
  "work; this article appears under it.",
  ("书记领税", 0), hidden=["书记领税"],
  alt_zh=["“书记领航”栏目"], alt_en=["'Secretaries at the Helm' column"],
  ocr=[("书记领税", "书记领航",
        "Page banner: 税 (tax) is an OCR misreading of 航 (to steer); 书记领航 is the "
        "column name ('secretaries at the helm').")])
E("xi-instructions", "document", "习近平总书记重要指示", "General Secretary Xi Jinping's "
  "important instructions",
  "Xi Jinping's instructions on Xihu subdistrict's 'public-sentiment assembly line' (2013) "
  "and on cities belonging to the people (2019), which the article says set the direction "
  "of Lanzhou's urban grassroots Party building.",
  ("作出重要指示", 0), ("习近平总书记的 这些重要指示", 0),
  alt_zh=["重要指示"], alt_en=["important instructions"])
E("city-opinions", "document", "进一步加强城市基层党建工作的意见",
  "Opinions on Further Strengthening Urban Grassroots Party Building",
  "Document issued by the Lanzhou Municipal Party Committee, the first of its kind in Gansu "
  "province, setting 16 key tasks and 64 specific measures.",
  ("率先制定出台进一步加强城市 基层党建工作的意见", 2),
  description_zh="兰州市委在全省率先制定出台,确定16项重点任务、64条具体措施。",
  alt_zh=["关于进一步加强城市基层党建工作的意见", "市委意见"],
  alt_en=["the city's opinions on urban grassroots Party building"])
E("integration-opinions", "document", "推动街道、驻区单位、行业领域党组织融合共建的意见",
  "Opinions on Promoting Integrated Joint Building by the Party Organizations of Subdistricts, "
  "Units in the Area and Sectors",
  "Document issued in Lanzhou to push the Party organizations of subdistricts, units based in "
  "the area and sectors to build together.",
  ("制定推动街道、驻 区单位、行业领域党组织融合 共建的意见", 3),
  alt_zh=["关于推动街道、驻区单位、行业领域党组织融合共建的意见", "融合共建的意见"],
  alt_en=["opinions on integrated joint building"])
E("co-building-agreements", "document", "共驻共建协议", "joint-building agreements",
  "Agreements signed between Party organizations of units in the area and the subdistricts "
  "and communities where they are located: 4,616 in all.",
  ("签订共驻共建协议 4616份", 5), alt_en=["co-residence and co-construction agreements"])

# ======================================================================================
# Places
# ======================================================================================
E("gansu", "place", "甘肃省", "Gansu Province",
  "Province in north-western China whose capital is Lanzhou.",
  ("考察甘肃", 0), ("全省人口、资源、产业最密集的 地区", 1), alt_zh=["甘肃", "全省"],
  alt_en=["Gansu"])
E("lanzhou", "place", "兰州市", "Lanzhou",
  "Capital of Gansu province, its most densely populated area and the one with the most "
  "resources and industry.",
  ("兰州市作为省会城市", 1), ("来到兰州考察", 0),
  alt_zh=["兰州", "全市"], alt_en=["Lanzhou City"])
E("western-china", "place", "西部", "western China",
  "The western region of China; the article seeks a path fitting a western provincial "
  "capital.",
  ("具有西部省会城市特点", 0), alt_en=["the West"])
E("yellow-river", "place", "黄河", "Yellow River",
  "River flowing through Lanzhou; named in the basin strategy and in 'writing the Yellow "
  "River article well'.",
  ("黄河流域", 1), ("黄河文章", 1))

# ======================================================================================
# Administrative levels
# ======================================================================================
E("level-city", "level", "市级", "city level",
  "The municipal level of the four-level Party organization structure.",
  ("在市级层面", 2), ("市、区、街道、社区四级党 组织", 2), alt_zh=["市", "市级层面"])
E("level-district", "level", "区(县)级", "district (county) level",
  "The district and county level of the four-level structure.",
  ("在区县层面", 2), ("市、区、街道、社区四级党 组织", 2), alt_zh=["区", "区县", "区县层面",
  "区级"],
  alt_en=["district level", "county level"])
E("level-subdistrict", "level", "街道", "subdistrict level",
  "The subdistrict (jiedao) level of the four-level structure; Lanzhou has 53 subdistricts.",
  ("在街道层面", 2), ("市、区、街道、社区四级党 组织", 2), alt_zh=["街道层面", "街道级"],
  alt_en=["jiedao level", "street level"])
E("level-community", "level", "社区", "community level",
  "The residential community (shequ) level of the four-level structure; Lanzhou has 426 "
  "communities.",
  ("在社区层面", 2), ("市、区、街道、社区四级党 组织", 2), alt_zh=["社区层面", "社区级"],
  alt_en=["shequ level", "residential community level"])

# ======================================================================================
# Roles, functions and positions
# ======================================================================================
E("role-city-planning", "role", "市级统筹谋划", "city level: overall planning",
  "The city level's role in four-level linkage: co-ordinating and planning the whole.",
  ("市级统筹谋划", 2), alt_zh=["统筹谋划"], alt_en=["overall planning and design"])
E("role-district-guidance", "role", "区级指导推动", "district level: guiding and driving",
  "The district level's role in four-level linkage: guiding and pushing the work forward.",
  ("区级 指导推动", 2), alt_zh=["指导推动"], alt_en=["guidance and promotion"])
E("role-subdistrict-implementation", "role", "街道具体落实",
  "subdistrict level: concrete implementation",
  "The subdistrict level's role in four-level linkage: carrying out the work concretely.",
  ("街道具体落实", 2), alt_zh=["具体落实"], alt_en=["implementation"])
E("role-community-backstop", "role", "社区兜底管理", "community level: backstop management",
  "The community level's role in four-level linkage: covering, as the last line, the Party "
  "building of whatever no one else manages (small firms and social organizations).",
  ("社区兜底管理", 2), alt_zh=["兜底管理"], alt_en=["safety-net management"])
E("role-frontline-command", "role", "一线指挥部", "front-line command post",
  "The role the article gives district and county Party committees.",
  ("一线指挥部", 2), alt_zh=["“一线指挥部”"], alt_en=["front-line headquarters"])
E("role-leading-driver", "role", "龙头带动", "leading and driving role",
  "The role of subdistrict Party organizations in driving the Party building of their area.",
  ("龙 头带动", 2), alt_zh=["“龙头带动”"], alt_en=["dragon-head role"])
E("role-axis", "role", "轴心", "axis",
  "The pivotal role of the subdistrict Party working committee in the joint conference.",
  ('街道党工 委"轴心"作用', 4), alt_zh=["“轴心”"], alt_en=["pivot", "hub"])
E("role-fighting-fortress", "role", "战斗堡垒", "fighting fortress",
  "The role of community Party organizations as fighting fortresses of the Party at the "
  "grassroots.", ("有效发挥战斗 堡垒作用", 2), alt_zh=["战斗堡垒作用"], alt_en=["bastion"])
E("function-party-building", "role", "加强党的建设", "strengthening Party building",
  "A function of subdistricts made explicit by the subdistrict management reform.",
  ("明确街道加强 党的建设", 2))
E("function-regional-development", "role", "统筹区域发展",
  "co-ordinating the area's development",
  "A function of subdistricts made explicit by the subdistrict management reform.",
  ("统筹区域发展", 2))
E("function-public-services", "role", "公共服务", "public services",
  "A function of subdistricts made explicit by the subdistrict management reform.",
  ("公共服务等职能", 2))
E("party-secretaries", "role", "各级党组织书记", "Party secretaries at every level",
  "Secretaries of Party organizations at all levels, for whom urban grassroots Party "
  "building is the 'No. 1 project'.",
  ("各级党组织书记", 2), alt_zh=["书记"], alt_en=["Party organization secretaries"])
E("part-time-members", "role", "兼职委员", "part-time committee members",
  "Heads of the Party organizations of organs, enterprises, public institutions and 'two "
  "new' organizations in the area who sit on a subdistrict's greater working committee or a "
  "community's greater Party committee.",
  ("党组织负责人为兼职 委员", 4), alt_en=["part-time members"])
E("liaison-officers", "role", "联席会议联络员", "joint-conference liaison officers",
  "Officers who keep day-to-day contact between the members of a subdistrict's Party-building "
  "joint conference.", ("建立联席会议联络员日常 联系机制", 4), alt_zh=["联络员"])
E("in-service-party-members", "role", "在职党员", "in-service Party members",
  "Party members employed in organs, enterprises and institutions who register with the "
  "community where they live; 48,000 have done so.",
  ("在职党员到 社区报到", 6), alt_en=["working Party members"])
E("community-workers", "role", "街道社区工作者", "subdistrict and community workers",
  "Staff of subdistricts and communities, who fought the epidemic alongside Party members.",
  ("广大街道社区工作者", 6))
E("vanguard-posts", "role", "党员先锋岗", "Party-member vanguard posts",
  "Posts held by Party members as examples to others during the COVID-19 epidemic: 3,139.",
  ("党员 先锋岗3139个", 6), alt_en=["Party members' pioneer posts"])

# ======================================================================================
# Organizations and bodies
# ======================================================================================
E("cpc", "formal", "中国共产党", "Communist Party of China",
  "The Party whose leadership over urban work, governing foundation in cities and banner the "
  "article speaks of.",
  ("坚持和加强党对城市工作的领导", 1), ("党 的旗帜", 6),
  alt_zh=["党"], alt_en=["CPC", "the Party"])
E("gansu-provincial-party-committee", "formal", "甘肃省委", "Gansu Provincial Party Committee",
  "The CPC committee of Gansu province.", ("甘肃省委常委", 0),
  alt_zh=["中共甘肃省委", "省委"], alt_en=["CPC Gansu Provincial Committee"])
E("gansu-provincial-standing-committee", "unit", "甘肃省委常委会",
  "Standing Committee of the Gansu Provincial Party Committee",
  "The standing committee of the Gansu provincial Party committee; Li Rongcan is a member "
  "(省委常委).", ("甘肃省委常委", 0), alt_zh=["省委常委"],
  alt_en=["Gansu Provincial Party Standing Committee"])
E("lanzhou-municipal-party-committee", "formal", "兰州市委", "Lanzhou Municipal Party Committee",
  "The CPC committee of Lanzhou city, which plans urban grassroots Party building at the city "
  "level; the 'we' of the article.",
  ("兰州市委书记", 0), ("市委在全省 率先制定出台", 2),
  alt_zh=["中共兰州市委", "市委", "中共兰州市委员会"],
  alt_en=["CPC Lanzhou Municipal Committee", "Lanzhou Party Committee"])
E("district-county-party-committees", "org", "区县党委", "district and county Party committees",
  "The Party committees of Lanzhou's districts and counties, acting as the 'front-line "
  "command post' of urban Party building.",
  ('区县党委充分发 挥"一线指挥部"作用', 2),
  alt_en=["district Party committees", "county Party committees"])
E("district-party-building-leading-groups", "unit", "党建工作领导小组",
  "Party-building work leading groups",
  "Leading groups for Party-building work set up by the district and county Party committees.",
  ("建立党建工作领导小组", 2), alt_en=["Party-building leading groups"])
E("subdistrict-party-working-committees", "org", "街道党工委",
  "subdistrict Party working committees",
  "The Party working committees of Lanzhou's subdistricts (the article also calls them the "
  "subdistrict Party organizations), the 'axis' of the subdistrict joint conference.",
  ('街道党工 委"轴心"作用', 4), ("科道党组织聚焦主责主业", 2),
  alt_zh=["街道党组织", "党工委"],
  alt_en=["subdistrict Party organizations", "jiedao Party working committees"],
  hidden=["科道党组织"],
  ocr=[("科道党组织", "街道党组织",
        "科 is an OCR misreading of 街 in the subdistrict paragraph."),
       ("各等域域党籍", "各领域党建",
        "Probable reading of the garbled end of the subdistrict paragraph ('统筹协调辖区内各"
        "领域党建'); recorded for readers only, not used as evidence of any relation.")])
E("subdistrict-greater-working-committees", "org", "大工委", "greater working committees",
  "Enlarged subdistrict Party working committees that take in heads of Party organizations of "
  "units in the area as part-time members; all 53 subdistricts of Lanzhou have one.",
  ('全部成立"大工委"', 4),
  alt_zh=["“大工委”", "街道大工委"],
  alt_en=["subdistrict greater working committees", "enlarged Party working committees"])
E("community-party-organizations", "org", "社区党组织", "community Party organizations",
  "The Party organizations of Lanzhou's residential communities, which manage as a backstop "
  "the Party building of small and micro firms and social organizations.",
  ("保证社区党组织有足够精力", 2),
  alt_zh=["社区党委"], alt_en=["community Party committees"])
E("community-greater-party-committees", "org", "大党委", "greater Party committees",
  "Enlarged community Party committees with part-time members from units in the area; all "
  "426 communities of Lanzhou have one.",
  ('全部成立"大党委"', 4),
  alt_zh=["“大党委”", "社区大党委"],
  alt_en=["community greater Party committees", "enlarged community Party committees"])
E("qilihe-district", "formal", "七里河区", "Qilihe District",
  "A district of Lanzhou.", ("兰州市七里河区", 0), alt_en=["Qilihe"])
E("xihu-subdistrict", "formal", "七里河区西湖街道", "Xihu Subdistrict, Qilihe District",
  "Subdistrict of Qilihe District whose 'public-sentiment assembly line' approach to Party "
  "building Xi Jinping praised in February 2013.",
  ("兰州市七里河区西 湖街道", 0), alt_zh=["西湖街道"], alt_en=["Xihu Subdistrict", "Xihu jiedao"])
E("lanzhou-employment-promotion-association", "formal", "兰州市就业创业促进会",
  "Lanzhou Employment and Entrepreneurship Promotion Association",
  "Association whose work Li Rongcan inspected (photo caption).",
  ("调研兰州市就业创业促进会工作", 0), alt_zh=["就业创业促进会"])
E("stationed-units", "org", "驻区单位", "units based in the area",
  "Organs, enterprises, public institutions and other units located in a subdistrict or "
  "community but not run by it (also 辖区单位, units within the jurisdiction).",
  ("推动街道、驻 区单位、行业领域党组织融合 共建", 3), ('把辖区单位凝聚成为"一家人"', 3),
  alt_zh=["辖区单位"], alt_en=["units in the jurisdiction", "co-located units"])
E("stationed-unit-party-organizations", "org", "驻区单位党组织",
  "Party organizations of units based in the area",
  "The Party organizations of units located in a subdistrict or community: they join its "
  "greater committees, take turns leading the joint conference and build jointly with it; "
  "1,303 of them do so.",
  ("驻区单位党组织、在职党员到 社区报到", 6), ("辖区单位 党组织轮流担任", 4),
  alt_zh=["辖区单位党组织", "辖区党组织"],
  alt_en=["Party organizations of units in the jurisdiction"])
E("organs-at-all-levels", "org", "各级机关", "Party and government organs at all levels",
  "Party and state organs at every level; those in an area send members to its greater "
  "committees, and 20,000 of their Party members went to the front line against COVID-19.",
  ("驻区各级机关", 4), ("组织各级机关2 万多名党员下沉一线", 6),
  alt_zh=["机关"], alt_en=["organs at all levels", "government bodies"])
E("enterprises-and-institutions", "org", "企事业单位", "enterprises and public institutions",
  "Enterprises and public-service institutions (shiye danwei) located in an area.",
  ("驻区各级机关、企事业单位", 4), ("各级机关企事 业单位", 5),
  alt_en=["enterprises and public service units"])
E("two-new-organizations", "org", "“两新”组织", "'two new' organizations",
  "New economic organizations and new social organizations, whose Party organization heads "
  "sit as part-time members on the greater committees.",
  ('"两 新"组织党组织负责人', 4),
  alt_zh=["两新组织", "新经济组织和新社会组织"],
  alt_en=["new economic and social organizations", "two new organizations"],
  general=[('"两 新"组织', 4, "两新 = 新经济组织 + 新社会组织 (new economic organizations and "
            "new social organizations)",
            "CPC usage, e.g. Central Organization Department documents on Party building in "
            "'two new' organizations")])
E("sector-party-organizations", "org", "行业领域党组织", "sector Party organizations",
  "Party organizations of industries and sectors (education, health, transport ...) that "
  "the article brings into joint building with subdistricts.",
  ("行业领域党组织融合 共建", 3), ("行业领域等基层党组织", 1),
  alt_zh=["行业领域基层党组织"], alt_en=["Party organizations of industries and sectors"])
E("social-organizations", "org", "社会组织", "social organizations",
  "Non-governmental social organizations, whose Party building community Party organizations "
  "manage as a backstop.",
  ("辖区单位、社会组织、行 业领域", 1), ("小微企业和社会 组织党建工作", 2))
E("small-micro-enterprises", "org", "小微企业", "small and micro enterprises",
  "Small and micro firms in a community, whose Party building community Party organizations "
  "manage as a backstop.", ("辖区内小微企业", 2), alt_en=["small and micro firms"])
E("all-field-party-organizations", "org", "各领域党组织", "Party organizations of all fields",
  "Party organizations of every field, urged to break down administrative barriers and "
  "mobilised against the epidemic.",
  ("引导各领域党组织打破行政隶属壁垒", 3), ("物业公司等各领域党组织", 6),
  alt_en=["Party organizations in all sectors"])
E("property-management-companies", "org", "物业公司", "property management companies",
  "Property management companies, whose Party organizations were mobilised during the "
  "epidemic.", ("发动物 业公司", 6), alt_en=["property companies"])
E("sector-departments", "org", "行业部门", "sector departments",
  "Government departments in charge of a sector, invited with districts and counties to "
  "on-site observation events.", ("引导区县和行业部门", 2),
  alt_en=["industry departments"])
E("district-functional-departments", "org", "区县职能部门",
  "district and county functional departments",
  "Government functional departments of the districts and counties, which subdistrict Party "
  "working committees now help to assess.", ("对区县职能部门考核", 2),
  alt_en=["functional departments of districts and counties"])
E("functional-departments", "org", "各职能部门", "functional departments",
  "Government functional departments, whose demands on communities for certificates are "
  "being cleared up.", ("全面清理各职 能部门", 2), alt_zh=["职能部门"])
E("temporary-party-organizations", "org", "临时党组织", "temporary Party organizations",
  "Party organizations set up for the COVID-19 epidemic response: 228.",
  ("成立 临时党组织228个", 6), alt_en=["provisional Party organizations"])
E("vanguard-teams", "unit", "党员先锋队(突击队)", "Party-member vanguard teams (shock teams)",
  "Teams of Party members formed for the COVID-19 epidemic response: 2,888.",
  ("组建党员 先锋队(突击队)2888个", 6),
  alt_zh=["党员先锋队", "党员突击队", "先锋队", "突击队"],
  alt_en=["Party-member vanguard teams", "Party-member shock teams", "commando teams"])
E("volunteer-service-teams", "unit", "党员志愿者服务队", "Party-member volunteer service teams",
  "Volunteer service teams of Party members formed for the COVID-19 epidemic response: 1,784.",
  ("党员志愿者服 务队1784个", 6), alt_en=["Party-member volunteer teams"])

# ======================================================================================
# Initiatives, strategies and guiding ideas
# ======================================================================================
E("urban-grassroots-party-building", "initiative", "城市基层党建",
  "urban grassroots Party building",
  "Party building in the subdistricts, communities and units of a city: the subject of the "
  "article, described as a systems project resting on Party organizations at four levels.",
  ("加强城市基层党建", 0), ("城市基层党建是一个系统 工程", 2),
  alt_zh=["城市基层党建工作"], alt_en=["urban grassroots Party-building work"])
E("whole-area-party-building", "initiative", "全域党建", "whole-area Party building",
  "Lanzhou's concept of Party building that treats the whole city as one area, "
  "co-ordinating Party organizations across subdistricts, communities, units, social "
  "organizations and sectors.",
  ("树立全域党建理念", 1), ("全域党建引领全域治理", 0),
  alt_zh=["全域党建理念", "全域党建引领全域治理"],
  alt_en=["region-wide Party building", "whole-area Party building leading whole-area "
          "governance"])
E("urban-work", "initiative", "城市工作", "urban work",
  "The Party's work of building and governing cities, which it must lead.",
  ("党对城市工作的领导", 1))
E("people-centred-development", "initiative", "以人民为中心的发展理念",
  "people-centred development philosophy",
  "The principle, stressed by Xi Jinping in Lanzhou in 2019, that city building must put the "
  "people at the centre because the city belongs to the people.",
  ("城市建设要坚持以人民为中心的发展 理念", 0), ("城市是人民的", 0),
  alt_zh=["以人民为中心", "城市是人民的"], alt_en=["people-centred development"])
E("belt-and-road", "initiative", "“一带一路”建设", "Belt and Road Initiative",
  "National strategy named as a major strategic opportunity for Lanzhou.",
  ('"一带一路"建设', 1), alt_zh=["一带一路", "一带一路建设"], alt_en=["Belt and Road", "BRI"])
E("western-development", "initiative", "推进西部大开发形成新格局",
  "new pattern of the Western Development strategy",
  "National strategy of forming a new pattern in the development of western China, named as "
  "a major strategic opportunity for Lanzhou.",
  ("推进西部大 开发形成新格局", 1), alt_zh=["西部大开发"],
  alt_en=["Western Development", "Western Region Development strategy"])
E("yellow-river-strategy", "initiative", "黄河流域生态保护和高质量发展",
  "ecological protection and high-quality development of the Yellow River basin",
  "National strategy for the Yellow River basin, named as a major strategic opportunity for "
  "Lanzhou.", ("黄河流域生 态保护和高质量发展", 1),
  alt_en=["Yellow River basin strategy"])
E("lanzhou-xining-urban-agglomeration", "initiative", "兰西城市群建设",
  "building the Lanzhou–Xining urban agglomeration",
  "Regional strategy for the city cluster of Lanzhou and Xining, named as a major strategic "
  "opportunity for Lanzhou.",
  ("兰西城 市群建设", 1), alt_zh=["兰西城市群"], alt_en=["Lanzhou–Xining city cluster"],
  general=[("兰西城 市群", 1, "兰西 abbreviates 兰州 (Lanzhou) and 西宁 (Xining).",
            "State Council, 兰州—西宁城市群发展规划 (Lanzhou–Xining Urban Agglomeration "
            "Development Plan), 2018")])
E("one-core-two-wings", "initiative", "“一心两翼多点”城市空间布局",
  "'one core, two wings, multiple points' urban spatial layout",
  "The spatial plan Lanzhou is building as part of becoming a modern central city.",
  ('"一心两翼多点"城市空间布 局', 1), alt_zh=["一心两翼多点"],
  alt_en=["one core, two wings, multiple points"])
E("urban-facilities", "initiative", "完善城市功能设施", "improving urban functional facilities",
  "Improving the city's functional facilities, one of the tasks of building a modern central "
  "city.", ("努力完善城市功能设施", 1))
E("exquisite-lanzhou", "initiative", "精致兰州建设", "building an 'Exquisite Lanzhou'",
  "Lanzhou's programme of refined urban construction and management.",
  ("扎 实推进精致兰州建设", 1), alt_zh=["精致兰州"], alt_en=["Exquisite Lanzhou",
  "refined Lanzhou"])
E("yellow-river-article", "initiative", "做好黄河文章", "writing the Yellow River article well",
  "Making the most of the Yellow River in Lanzhou's development.",
  ("精心做 好黄河文章", 1), alt_zh=["黄河文章"], alt_en=["making good use of the Yellow River"])
E("whole-area-co-building", "initiative", "全域共驻共建", "whole-area joint building",
  "The third pillar of the article: Party organizations of subdistricts, units in the area "
  "and sectors building together across the whole city.",
  ("突出全域共驻共建", 3), alt_en=["whole-area co-residence and co-construction"])
E("organizational-linkage", "initiative", "完善组织联结", "improving organizational linkage",
  "Workstream of whole-area joint building: linking organizations through part-time members "
  "and the joint conference.", ("完善组织联结", 4))
E("resource-sharing", "initiative", "促进资源共享", "promoting resource sharing",
  "Workstream of whole-area joint building: contract-based joint building and the three "
  "lists.", ("促进资源共享", 5))
E("co-building-effectiveness", "initiative", "增强共建实效", "making joint building effective",
  "Workstream of whole-area joint building: joint activities, community registration of "
  "Party members and their service.", ("增强共建实效", 6))
E("volunteer-service-activities", "initiative", "志愿服务活动", "volunteer service activities",
  "Volunteer activities of in-service Party members in their communities: more than 56,000.",
  ("开展各类 志愿服务活动5.6万余次", 6), alt_en=["volunteering"])
E("micro-wishes", "initiative", "群众“微心愿”", "residents' 'micro-wishes'",
  "Small wishes of residents fulfilled, or practical problems solved, by in-service Party "
  "members: more than 6,400.",
  ('完成 群众"微心愿"', 6), alt_zh=["微心愿"], alt_en=["micro-wishes"])

# ======================================================================================
# Mechanisms: section 0-1
# ======================================================================================
E("minqing-assembly-line", "mechanism", "“民情流水线”", "'public-sentiment assembly line'",
  "Xihu subdistrict's Party-building practice named after an assembly line for residents' "
  "concerns, praised by Xi Jinping in February 2013; the article does not describe how it "
  "works.",
  ('党建"民情流水线"做法', 0), alt_zh=["民情流水线", "民情流水线做法"],
  alt_en=["people's-conditions assembly line", "public opinion assembly line"])
E("new-pattern", "goal", "城市基层党建新格局", "new pattern of urban grassroots Party building",
  "The pattern Lanzhou builds: regional co-ordination, vertical–horizontal co-operation, "
  "linkage of upper and lower levels, joint building and sharing.",
  ("共建共享的城市基层党建新格局", 0), alt_en=["new configuration of urban Party building"])
E("regional-coordination", "mechanism", "区域统筹", "regional co-ordination",
  "Feature of the new pattern: the area is co-ordinated as a whole.", ("构建区域统筹", 0))
E("vertical-horizontal-coordination", "mechanism", "条块协同",
  "co-operation of vertical and horizontal lines",
  "Feature of the new pattern: departments (条, vertical lines) and territorial units (块, "
  "blocks) work together.", ("条块协同", 0), alt_en=["tiao-kuai co-ordination"])
E("upper-lower-linkage", "mechanism", "上下联动", "linkage of upper and lower levels",
  "Feature of the new pattern: levels act together.", ("上下联 动", 0))
E("co-building-and-sharing", "mechanism", "共建共享", "joint building and sharing",
  "Feature of the new pattern: organizations build together and share results.",
  ("共建共享的城市基层党建", 0), alt_en=["co-construction and sharing"])
E("systems-thinking", "mechanism", "系统思维", "systems thinking",
  "Way of thinking the article asks for in urban Party building.", ("着力强化系统思维", 1))
E("holistic-thinking", "mechanism", "整体思维", "holistic thinking",
  "Way of thinking the article asks for in urban Party building.", ("系统思维、整体思维", 1))
E("overall-coordination", "mechanism", "全面统筹", "overall co-ordination",
  "Principle of whole-area Party building: paying more attention to co-ordinating everything "
  "as a whole.", ("更加注重全面统筹", 1))
E("overall-effect", "goal", "整体效应", "overall effect",
  "What whole-area Party building pays more attention to: the effect of the whole rather "
  "than of separate parts (the sentence after it is garbled in the OCR text).",
  ("更加注重整体效应", 1))
E("party-organizational-strengths", "goal", "充分发挥党的组织优势、组织功能、组织力量",
  "making full use of the Party's organizational strengths, functions and force",
  "What whole-area Party building is to achieve, so that all the city's forces and resources "
  "are mobilised and combined.", ("发挥党的组织优势、组织功能、组织力量", 1),
  alt_zh=["党的组织优势"], alt_en=["the Party's organizational advantages"])
E("integrated-planning", "mechanism", "一体谋划、一体推动", "planning and pushing forward as one",
  "Placing urban grassroots Party building and urban governance in the overall layout of the "
  "city's development, planned and advanced together.", ("一体谋划、一 体推动", 1),
  alt_en=["integrated planning and promotion"])
E("city-image", "goal", "城市形象品位提升", "better image and quality of the city",
  "Result of Lanzhou's urban construction the article reports: a clearly improved image and "
  "quality of the city.", ("城市形象品位得 到明显提升", 1), alt_zh=["城市形象品位"])

# ======================================================================================
# Mechanisms: section 2 (four-level linkage)
# ======================================================================================
E("no1-project", "mechanism", "书记“一号工程”", "secretaries' 'No. 1 project'",
  "Making urban grassroots Party building the top-priority project of Party secretaries at "
  "every level.", ('各级党组织书记"一号工程"', 2), alt_zh=["一号工程", "“一号工程”"],
  alt_en=["No. 1 project", "number-one project"])
E("secretary-responsibility", "mechanism", "“书记抓、抓书记”",
  "'secretaries take charge, and are held to account'",
  "Principle that Party secretaries personally take charge of Party building and that higher "
  "levels hold the secretaries to account for it.",
  ('坚持"书记抓、抓书记"', 2), alt_zh=["书记抓、抓书记", "书记抓抓书记"],
  alt_en=["secretaries grasp it and secretaries are grasped"])
E("party-building-responsibility-system", "mechanism", "党建工作责任制",
  "Party-building work responsibility system",
  "System that makes Party committees and their secretaries answerable for Party building; "
  "the article calls it the 'ox's nose' (the point of control).",
  ('党建工作责任制这个"牛鼻子"', 2), alt_zh=["“牛鼻子”", "牛鼻子"],
  alt_en=["Party-building responsibility system", "'ox's nose'"])
E("responsibility-cascade", "mechanism", "层层压实责任",
  "passing responsibility down level by level",
  "Breaking tasks down and supervising them so that responsibility is made firm at each "
  "level.", ("任务分解", 2), ("层层压实责任", 2), alt_zh=["任务分解"],
  alt_en=["task breakdown and supervision"])
E("primary-responsibility", "mechanism", "主体责任", "primary responsibility",
  "The Party committee's primary responsibility for Party building, which has to reach the "
  "actual work ('the last kilometre').", ("切实打通主体责任", 2),
  alt_en=["principal responsibility"])
E("four-level-linkage", "mechanism", "四级联动", "four-level linkage",
  "The city, district, subdistrict and community Party organizations acting together, each "
  "with its role: the 'power main shaft' of urban Party building.",
  ('四级联动的"动力主轴"', 2), ("坚持全域四级联动", 2),
  alt_zh=["全域四级联动", "“动力主轴”", "动力主轴"],
  alt_en=["four-level coordination", "'power main shaft'"])
E("three-maps", "mechanism", "“三张导图”", "'three maps'",
  "Three guide maps the city drew up for key tasks of urban Party building, integrated joint "
  "building and grid Party building, forming a standardised system.",
  ('网格党建"三张导图"', 2), alt_zh=["三张导图"], alt_en=["three guide maps", "three road maps"])
E("key-tasks-map", "mechanism", "城市基层党建重点任务导图",
  "map of key tasks of urban grassroots Party building",
  "One of the 'three maps'.", ("城市基层党建重点任务、融 合共建", 2), alt_zh=["重点任务导图"],
  alt_en=["key tasks map"])
E("integration-map", "mechanism", "融合共建导图", "integrated joint-building map",
  "One of the 'three maps'.", ("重点任务、融 合共建、网格党建", 2),
  alt_en=["integration and joint-building map"])
E("grid-map", "mechanism", "网格党建导图", "grid Party-building map",
  "One of the 'three maps'.", ('网格党建"三张导图"', 2), alt_en=["grid map"])
E("grid-party-building", "mechanism", "网格党建", "grid Party building",
  "Party building organised by the grid cells into which communities are divided.",
  ("网格党建", 2), alt_en=["grid-based Party building"])
E("standardization-system", "mechanism", "标准化体系", "standardised system",
  "System set up through the three maps whose content is key tasks, main links and important "
  "steps.", ("重 要步骤为主要内容的标准化 体系", 2), alt_en=["standardization system"])
E("district-joint-conference-system", "mechanism", "党建联席会议制度(区县)",
  "Party-building joint conference system (district and county level)",
  "Joint conferences on Party building set up by the district and county Party committees.",
  ("建立党建工作领导小组和党建联席会议制度", 2),
  alt_zh=["党建联席会议制度", "区县党建联席会议制度"],
  alt_en=["district Party-building joint conference system"])
E("key-task-responsibility-list", "mechanism", "重点任务责任清单",
  "responsibility list of key tasks",
  "List assigning responsibility for each key task, kept by district and county Party "
  "committees.", ("建立重点任务责任清单", 2), alt_en=["key-task responsibility list"])
E("monthly-scheduling", "mechanism", "一月一调度、一季一通报",
  "monthly scheduling and quarterly briefing",
  "District and county practice of reviewing progress every month and reporting it every "
  "quarter.", ("一月一调度、一季一通报", 2), alt_zh=["一月一调度", "一季一通报"],
  alt_en=["monthly dispatch, quarterly notice"])
E("subdistrict-management-reform", "mechanism", "街道管理体制改革",
  "reform of the subdistrict management system",
  "Reform to empower subdistricts, expand their capacity and reduce their burdens: clearer "
  "functions, new powers for the Party working committee, and removal of economic tasks.",
  ("深入推进描加 管理体制改革", 2), hidden=["描加管理体制改革"],
  alt_en=["subdistrict system reform"],
  ocr=[("描加", "街道", "'深入推进描加管理体制改革': 描加 is an OCR misreading of 街道 "
        "(subdistrict), as the goals and the functions listed after it show.")])
E("subdistrict-functions", "mechanism", "明确街道职能", "defining subdistrict functions",
  "Making explicit that subdistricts strengthen Party building, co-ordinate the area's "
  "development and provide public services (one further item is illegible in the OCR text).",
  ("明确街道加强 党的建设", 2), ("公共服务等职能", 2))
E("subdistrict-powers", "mechanism", "赋予街道党工委职权",
  "powers granted to subdistrict Party working committees",
  "Powers given to the subdistrict Party working committee by the subdistrict reform. The OCR "
  "text is garbled here: the legible powers are recorded as parts, one more ('重大…') is not "
  "modelled.", ("对区县职能部门考核", 2), ("综合管理权", 2),
  alt_en=["subdistrict empowerment"])
E("power-assess-departments", "mechanism", "对区县职能部门考核评价权",
  "power to assess district and county functional departments",
  "Right of the subdistrict Party working committee to take part in assessing district and "
  "county functional departments; the last characters of the name are illegible in the OCR "
  "text ('考核' is printed).",
  ("工委对区县职能部门考核", 2), alt_zh=["对区县职能部门考核"],
  alt_en=["assessment power over district departments"])
E("power-appointment-consent", "mechanism", "选拔任用征得同意权",
  "right of consent to selection and appointment",
  "Right of the subdistrict Party working committee to be asked for its consent in selections "
  "and appointments (whose, the garbled text does not show).",
  ("选拔任用征得同意权", 2), alt_en=["consent right on appointments"])
E("power-planning-participation", "mechanism", "规划参与权", "right to take part in planning",
  "Right of the subdistrict Party working committee to take part in planning; the OCR text "
  "reads '规关与与权', so the name is a probable reading.",
  ("规关 与与权", 2), hidden=["规关与与权"],
  ocr=[("规关与与权", "规划参与权",
        "Probable reading: 规划 appears twice in the garbled passage and 与权 twice; the "
        "standard list of subdistrict powers includes 规划参与权.")])
E("power-comprehensive-management", "mechanism", "综合管理权", "comprehensive management power",
  "Power of the subdistrict Party working committee to manage matters of its area as a "
  "whole.", ("综合管理权", 2), alt_en=["comprehensive administrative power"])
E("economic-task-removal", "mechanism", "取消街道招商引资、协税护税任务",
  "relieving subdistricts of investment-promotion and tax-collection tasks",
  "Removal of the investment-attraction and tax-assistance work subdistricts used to carry, so "
  "they focus on Party building and services.",
  ("街道承担的招商引资", 2), ("协税护税等工作任务", 2),
  hidden=["消街道承担的招商引资设协税护税"],
  alt_zh=["招商引资", "协税护税"], alt_en=["removal of investment and tax tasks"],
  ocr=[("消街道承担的招商引资设协税护税", "取消街道承担的招商引资、协税护税",
        "The preceding characters are garbled; 消 is read as 取消 (cancel) and 设 as the "
        "enumeration comma 、. Probable reading.")])
E("focus-on-main-duty", "mechanism", "聚焦主责主业", "focusing on main responsibilities",
  "Subdistrict Party organizations concentrating on their principal duty, Party building.",
  ("聚焦主责主业", 2), alt_en=["focus on the main duty"])
E("community-affairs-separation", "mechanism", "社区行政事务与服务分离改革",
  "reform separating community administrative affairs from services",
  "Reform that takes administrative tasks off communities so they can serve residents.",
  ("社 区行政事务与服务分离改革", 2), alt_en=["separation of administration and service"])
E("duty-list-management", "mechanism", "职责清单管理", "duty list management",
  "Managing communities by a list of their duties.", ("全面实施职责清单管理", 2),
  alt_en=["responsibility list management"])
E("duty-access-system", "mechanism", "职责准入制度", "duty access system",
  "Rule that new tasks may be given to communities only through an approval gate.",
  ("落实 职责准入制度", 2), alt_en=["work access system"])
E("certificate-cleanup", "mechanism", "清理社区出具证明",
  "clearing up certificates demanded of communities",
  "Review of all the certificates functional departments require communities to issue.",
  ("全面清理各职 能部门要求社区出具的各类证 明", 2), alt_en=["certificate clean-up"])
E("community-activity-regulation", "mechanism", "规范面向社区的达标、考核评比和示范创建活动",
  "regulating compliance, evaluation and model-creation activities aimed at communities",
  "Limiting the compliance checks, assessments, rankings and demonstration campaigns imposed "
  "on communities.",
  ("规范面向社区的各类达标、 考核评比和示范创建活动项 目", 2))

# ======================================================================================
# Mechanisms: section 3-6 (whole-area joint building)
# ======================================================================================
E("wugong-wulian-method", "mechanism", "“五共五联”工作法", "'five joint, five linked' work method",
  "Lanzhou's method of integrated joint building in five pairs: organizations and members, "
  "important affairs and development, activities and services, resources and contracts, "
  "experience and results.",
  ('"五共五联"工作法', 3), alt_zh=["五共五联", "五共五联工作法"],
  alt_en=["five co-s and five links work method", "Wugong Wulian method"])
E("wugong-organization", "mechanism", "组织共建、党员联动",
  "joint organization building, linked action of Party members",
  "First pair of the 'five joint, five linked' method.", ("组织 共建、党员联动", 3))
E("wugong-affairs", "mechanism", "要事共商、发展联促",
  "joint consultation on important matters, joint promotion of development",
  "Second pair of the 'five joint, five linked' method.", ("要事共商、发 展联促", 3))
E("wugong-activities", "mechanism", "活动共办、服务联创",
  "joint activities, jointly created services",
  "Third pair of the 'five joint, five linked' method.", ("活动共办、服务联创", 3))
E("wugong-resources", "mechanism", "资源共享、契约联结",
  "shared resources, contract-based linkage",
  "Fourth pair of the 'five joint, five linked' method.", ("资源共享、契约联结", 3))
E("wugong-experience", "mechanism", "经验共学、成效联提",
  "joint learning from experience, jointly raised results",
  "Fifth pair of the 'five joint, five linked' method.", ("经验共 学、成效联提", 3))
E("party-building-community", "mechanism", "党建共同体", "Party-building community",
  "New form of joint building promoted in Lanzhou.", ("党建共同体", 3),
  alt_en=["Party-building consortium"])
E("party-building-alliance", "mechanism", "党建联盟", "Party-building alliance",
  "New form of joint building promoted in Lanzhou.", ("党建联盟", 3))
E("red-matrix", "mechanism", "红色矩阵", "red matrix",
  "New form of joint building promoted in Lanzhou.", ("红色矩 阵", 3))
E("co-building-sharing-mechanism", "mechanism", "共建共享机制",
  "joint building and sharing mechanism",
  "Mechanism linking all kinds of organizations in an area so that they build together and "
  "share.", ("联结辖区各类组织的共建共享 机制", 3))
E("part-time-member-system", "mechanism", "“兼职委员制”", "part-time committee member system",
  "Heads of Party organizations of organs, enterprises, institutions and 'two new' "
  "organizations in the area sit as part-time members on the subdistrict greater working "
  "committee or the community greater Party committee.",
  ('深入推行 "兼职委员制"', 4), alt_zh=["兼职委员制"], alt_en=["part-time member system"])
E("exit-replenishment-mechanism", "mechanism", "退出和增补机制", "exit and replenishment mechanism",
  "Rules for part-time members to leave and be replaced.", ("建立退出和增补机制", 4),
  alt_en=["withdrawal and supplement mechanism"])
E("subdistrict-joint-conference-system", "mechanism", "街道党建联席会议制度",
  "subdistrict Party-building joint conference system",
  "Conference of the subdistrict Party working committee with the Party organizations of "
  "units in the area, held every quarter and led in turn by those units.",
  ("健全完善街道党建联席会议制 度", 4), alt_zh=["联席会议", "街道联席会议"],
  alt_en=["Party-building joint conference system", "joint meeting system"])
E("liaison-mechanism", "mechanism", "联席会议联络员日常联系机制",
  "daily liaison mechanism of joint-conference liaison officers",
  "Day-to-day contact through liaison officers between joint-conference members.",
  ("建立联席会议联络员日常 联系机制", 4))
E("rotating-lead-unit", "mechanism", "联席会议牵头单位轮流担任",
  "rotating lead unit of the joint conference",
  "The Party organizations of units in the area take turns as the unit leading the joint "
  "conference.", ("党组织轮流担任联席会议牵头 单位", 4))
E("quarterly-joint-meetings", "mechanism", "每季度召开联席会议", "quarterly joint meetings",
  "Every quarter the joint conference meets to report progress and decide the area's major "
  "matters together.", ("每季度组织召开联席会 议", 4), ("会 商决定本区域内重大事项", 4))
E("contract-based-co-building", "mechanism", "“契约化”共建", "contract-based joint building",
  "Joint building by signed agreement between units' Party organizations and the subdistricts "
  "and communities they are in.",
  ('深入开展 "契约化"共建', 5), alt_zh=["契约化共建"], alt_en=["contractual co-construction"])
E("two-way-communication", "mechanism", "双向沟通服务机制",
  "two-way communication and service mechanism",
  "Channel through which units and communities tell each other what they need and offer.",
  ("建立双向沟通 服务机制", 5))
E("gongzhu-gongjian", "mechanism", "共驻共建", "joint building by co-located units",
  "Units located in an area and the subdistrict or community building together; 1,303 "
  "Party organizations of organs, enterprises and institutions take part.",
  ("所在街道社区开展共驻共建", 5), ("共驻共建共享", 5),
  alt_zh=["共驻共建共享"], alt_en=["co-residence and co-construction"])
E("three-lists", "mechanism", "“三项清单”", "'three lists'",
  "Lists of resources, needs and projects against which units and communities claim and "
  "serve in both directions.", ('项目"三项清单"', 5), alt_zh=["三项清单"],
  alt_en=["three lists of resources, needs and projects"])
E("resource-list", "mechanism", "资源清单", "resource list",
  "One of the 'three lists': what units can offer.", ("建 立了资源、", 5))
E("needs-list", "mechanism", "需求清单", "needs list",
  "One of the 'three lists': what communities need.", ("资源、 需求、项目", 5),
  alt_en=["demand list"])
E("project-list", "mechanism", "项目清单", "project list",
  "One of the 'three lists': projects to be done together.", ('项目"三项清单"', 5))
E("two-way-claiming", "mechanism", "双向认领、双向服务", "two-way claiming and two-way service",
  "Units and communities each take up items from the other's lists and serve each other.",
  ("双向认领、双向 服务", 5))
E("venue-sharing", "mechanism", "用好用活驻区单位场所阵地", "opening units' venues to the area",
  "Making the educational, cultural and sports venues of units in the area available to it.",
  ("用好用活驻区单位 教育、文化、体育等场所阵地", 5), alt_en=["venue sharing"])
E("resource-mobilisation", "mechanism", "调动行政资源、社会资源、市场资源",
  "mobilising administrative, social and market resources",
  "Bringing every kind of administrative, social and market resource into joint building.",
  ("最大限度调动各类行政资源、 社会资源、市场资源", 5), alt_en=["resource mobilisation"])
E("party-spirit", "goal", "增强党性修养、坚定理想信念",
  "stronger Party spirit and firmer ideals and convictions",
  "Aim of the joint Party days, lectures and study: Party members of all fields learning from "
  "each other.", ("增强 党性修养、坚定理想信念", 6), alt_en=["Party spirit"])
E("joint-theme-party-days", "mechanism", "共过主题党日", "joint thematic Party days",
  "Party organizations of the area holding their thematic Party days together.",
  ("共过主题党 日", 6))
E("joint-party-lectures", "mechanism", "共听优秀党课", "joint Party lectures",
  "Party organizations of the area attending outstanding Party lectures together.",
  ("共听优秀党课", 6))
E("joint-theory-study", "mechanism", "共学创新理论", "joint study of new theory",
  "Party organizations of the area studying the Party's new theory together.",
  ("共学创新理 论", 6))
E("community-registration", "mechanism", "驻区单位党组织、在职党员到社区报到工作机制",
  "mechanism of units' Party organizations and in-service Party members registering with "
  "communities",
  "Party organizations of units in the area and in-service Party members report to the "
  "community where they are located or live, and serve there.",
  ("深化 驻区单位党组织、在职党员到 社区报到工作机制", 6),
  alt_zh=["到社区报到工作机制", "到社区报到"], alt_en=["registering with communities"])
E("unit-registration", "mechanism", "驻区单位党组织到社区报到",
  "units' Party organizations registering with communities",
  "Part of the community registration mechanism.", ("驻区单位党组织、在职党员到 社区报到", 6))
E("member-registration", "mechanism", "在职党员到社区报到",
  "in-service Party members registering with communities",
  "Part of the community registration mechanism: 48,000 in-service Party members registered.",
  ("在职党员到 社区报到", 6), alt_en=["in-service Party members reporting to communities"])
E("members-to-frontline", "mechanism", "机关党员下沉一线",
  "organ Party members sent to the front line",
  "More than 20,000 Party members of organs at all levels sent down to the community front "
  "line in the COVID-19 response.", ("2 万多名党员下沉一线", 6), alt_zh=["下沉一线"],
  alt_en=["sinking to the front line"])
E("joint-prevention-control", "mechanism", "联防联控", "joint prevention and control",
  "Epidemic-control arrangement in which agencies and areas act together.", ("筑牢了联防 联控", 6))
E("mass-prevention-control", "mechanism", "群防群控", "mass prevention and control",
  "Epidemic-control arrangement that mobilises residents.", ("群防群控的铜墙铁壁", 6))

# ======================================================================================
# Goals
# ======================================================================================
E("governing-foundation", "goal", "巩固党在城市执政基础",
  "consolidating the Party's governing foundation in cities",
  "A core aim of urban grassroots Party building.",
  ("夯实党在城市 执政基础", 0), ("以巩固党在城市执政基础", 1),
  alt_zh=["夯实党在城市执政基础"], alt_en=["strengthening the Party's governing base in cities"])
E("governance-modernization", "goal", "城市治理体系和治理能力现代化",
  "modernisation of the urban governance system and governance capacity",
  "A core aim of urban grassroots Party building.",
  ("推进城市治理体系和治理能力 现代化", 0), ("把城市基层党建和城市治 理结合起来", 1),
  alt_zh=["城市治理现代化", "城市治理"],
  alt_en=["modernising urban governance", "urban governance"])
E("happier-lives", "goal", "让群众过得更幸福", "letting people live happier lives",
  "Aim of city building stressed by Xi Jinping in Lanzhou in 2019.", ("让群众过得更幸福", 0))
E("new-path", "goal", "党建引领基层治理新路子",
  "new path of Party building leading grassroots governance",
  "Path with the characteristics of a western provincial capital that Lanzhou seeks.",
  ("具有西部省会城市特点的党 建引领基层治理新路子", 0), alt_en=["new path of Party-led governance"])
E("modern-central-city", "goal", "现代化中心城市", "modern central city",
  "What Lanzhou is building, with urban Party building as its organizational guarantee.",
  ("加快建设现代 化中心城市", 0), ("以建设 现代化中心城市为牵引", 1),
  alt_zh=["建设现代化中心城市"], alt_en=["modernised central city"])
E("people-wellbeing", "goal", "增进群众福祉", "improving people's well-being",
  "Aim of urban grassroots Party building together with the governing foundation.",
  ("增 进群众福祉", 1))
E("whole-area-governance", "goal", "全域治理", "whole-area governance",
  "Governance of the whole city, led by whole-area Party building.",
  ("全域党建引领全域治理", 0))
E("goal-empowerment", "goal", "赋权", "empowerment",
  "Goal of the subdistrict management reform: giving subdistricts powers.",
  ("以赋权、扩能、减负为目标", 2))
E("goal-capacity", "goal", "扩能", "capacity expansion",
  "Goal of the subdistrict management reform: expanding what subdistricts can do.",
  ("以赋权、扩能、减负为目标", 2))
E("goal-burden-reduction", "goal", "减负", "burden reduction",
  "Goal of the subdistrict management reform: taking burdens off subdistricts.",
  ("以赋权、扩能、减负为目标", 2))
E("community-burden-reduction", "goal", "为社区减负增效",
  "lighter burdens and better results for communities",
  "Aim of the community reforms, so that community Party organizations have time for Party "
  "building.", ("最大限度为社区减负增效", 2))
E("interconnection", "goal", "互联互动", "interconnection and interaction",
  "What Party organizations should move to, from going it alone.", ("走向互联互动", 3))
E("symbiosis", "goal", "相融共生", "integration and symbiosis",
  "What Party organizations should move to, from separation.", ("走向相融共生", 3))
E("one-chessboard", "goal", "融合共建“一盘棋”", "integrated joint building as 'one chessboard'",
  "Integrated joint building across an area played as a single game.",
  ('形成区域内融合共建"一 盘棋"', 3), alt_zh=["一盘棋"], alt_en=["one chessboard"])
E("one-family", "goal", "“一家人”", "'one family'",
  "Units in the area drawn together into one family.",
  ('把辖区单位凝聚成为"一家人"', 3), alt_zh=["一家人"], alt_en=["one family"])
E("integrated-development", "goal", "全域党建融合发展",
  "integrated development of whole-area Party building",
  "Result the article reports as gradually becoming normal practice.",
  ("全域党建融合发展 逐步迈入常态化", 6), alt_en=["normalised integrated development"])

# ======================================================================================
# Honours
# ======================================================================================
E("national-garden-city", "honour", "国家园林城市", "National Garden City",
  "National honour received by Lanzhou.", ("相继获得国家园林 城市", 1))
E("national-civilized-city", "honour", "全国文明城市", "National Civilized City",
  "National honour received by Lanzhou.", ("全国文明城市荣誉称号", 1),
  alt_en=["National Civilised City", "National Model City of Civility"])

# ======================================================================================
# Problems
# ======================================================================================
E("rapid-urbanization", "problem", "城市化进程不断加快", "accelerating urbanisation",
  "Urbanisation in Lanzhou keeps speeding up; over 80% of residents are urban.",
  ("随着城市化进程不 断加快", 1))
E("urban-expansion", "problem", "城市规模不断扩大", "growing city size", "The city keeps growing.",
  ("城市规模不断扩大", 1))
E("migrant-influx", "problem", "外来人员大量涌入", "influx of people from elsewhere",
  "Large numbers of people move into Lanzhou from outside.", ("外 来人员大量涌入", 1),
  alt_en=["migrant inflow"])
E("population-growth", "problem", "城市人口持续增加", "continued population growth",
  "The city's population keeps rising: 145,000 more in 2019.", ("城市人口持 续增加", 1))
E("social-structure-change", "problem", "基层社会结构、生产方式和组织形态深刻变化",
  "deep change in grassroots social structure, modes of production and forms of organization",
  "Changes that make traditional Party building insufficient.",
  ("基层社会结构、 生产方式和组织形态发生深刻 变化", 1))
E("new-contradictions", "problem", "城市治理新矛盾新问题",
  "new contradictions and problems of urban governance",
  "Urban governance faces both 'urban diseases' and thorny problems.",
  ("城市治理面临很多新矛 盾新问题", 1))
E("urban-diseases", "problem", "“城市病”", "'urban diseases'",
  "Traffic congestion, environmental pollution and insufficient public goods.",
  ('等"城 市病"需要解决', 1), alt_zh=["城市病"], alt_en=["urban ills"])
E("traffic-congestion", "problem", "交通拥堵", "traffic congestion", "An 'urban disease'.",
  ("交通拥堵", 1))
E("environmental-pollution", "problem", "环境污染", "environmental pollution",
  "An 'urban disease'.",
  ("环境 污染", 1))
E("public-goods-shortfall", "problem", "公共产品供给不足", "insufficient supply of public goods",
  "An 'urban disease'.", ("公共产品供给不足", 1))
E("thorny-problems", "problem", "棘手问题", "thorny problems",
  "Illegal construction, renovating old residential compounds, demolition and property "
  "management.", ("物业管理等棘手问题", 1), alt_en=["knotty problems"])
E("illegal-construction", "problem", "违法建设", "illegal construction", "A thorny problem.",
  ("违法建 设", 1), alt_en=["unauthorised building"])
E("old-compound-renovation", "problem", "老旧小区改造", "renovation of old residential compounds",
  "A thorny problem.", ("老旧小区改造", 1), alt_en=["old neighbourhood renovation"])
E("housing-demolition", "problem", "房屋拆迁", "housing demolition and relocation",
  "A thorny problem.", ("房屋拆迁", 1))
E("property-management", "problem", "物业管理", "property management", "A thorny problem.",
  ("物业管理等棘手问题", 1))
E("intertwined-problems", "problem", "新旧问题相互交织", "old and new problems intertwined",
  "Old and new problems are tangled together.", ("新旧问题相互交 织", 1))
E("complex-interests", "problem", "利益矛盾错综复杂", "complex conflicts of interest",
  "Conflicts of interest are intricate.", ("利益矛盾错综复杂", 1))
E("traditional-party-building-gap", "problem", "传统街道社区党建不适应形势",
  "traditional subdistrict and community Party building falls short",
  "Traditional Party building in subdistricts and communities, and the thinking behind it, "
  "no longer fully fits the changed situation.",
  ("传统的 街道社区党建已不能完全适应 形势的发展变化", 1), ("街道社 区党建的传统思维", 1),
  alt_zh=["街道社区党建的传统思维"], alt_en=["traditional thinking in Party building"])
E("last-kilometre", "problem", "最后一公里", "the last kilometre",
  "The gap between primary responsibility and the actual carrying out of work, which "
  "responsibility measures are to close.",
  ("打通主体责任和工作落实的最后一公里", 2), alt_en=["last mile"])
E("affiliation-barriers", "problem", "行政隶属壁垒", "barriers of administrative affiliation",
  "Walls between organizations that belong to different administrative hierarchies.",
  ("打破行政隶属壁垒", 3))
E("closed-fences", "problem", "相互封闭藩篱", "fences closing organizations off from each other",
  "Organizations shut off from one another.", ("拆除相互封闭藩 篱", 3))
E("going-it-alone", "problem", "各自为政", "each going its own way",
  "Organizations acting each on its own.", ("从各自为政走向互联互动", 3))
E("mutual-separation", "problem", "相互分离", "mutual separation",
  "Organizations separated from one another.", ("从相互分离走向相融共生", 3))
E("covid-19-epidemic", "problem", "新冠肺炎疫情", "COVID-19 epidemic",
  "The epidemic against which Lanzhou's Party organizations were mobilised.",
  ("这次新冠肺 炎疫情防控工作中", 6), alt_zh=["疫情"], alt_en=["COVID-19",
  "novel coronavirus pneumonia"])

# ======================================================================================
# Events
# ======================================================================================
E("xi-inspection-2013", "event", "2013年2月习近平考察甘肃",
  "Xi Jinping's inspection of Gansu, February 2013",
  "During this inspection Xi Jinping praised Xihu subdistrict's 'public-sentiment assembly "
  "line' and gave important instructions.",
  ("2013年2月,习近平 总书记考察甘肃时", 0),
  extra=[("dcterms:date", '"2013-02"^^xsd:gYearMonth')],
  alt_en=["2013 inspection"])
E("xi-inspection-2019", "event", "2019年8月习近平考察兰州",
  "Xi Jinping's inspection of Lanzhou, August 2019",
  "Xi Jinping came to Lanzhou again and stressed that the city belongs to the people and that "
  "city building must be people-centred.",
  ("2019年8月,习近平总书 记再次来到兰州考察", 0),
  extra=[("dcterms:date", '"2019-08"^^xsd:gYearMonth')],
  alt_en=["2019 inspection"])
E("li-research-visit", "event", "李荣灿调研兰州市就业创业促进会",
  "Li Rongcan's visit to the Lanzhou Employment and Entrepreneurship Promotion Association",
  "Research visit shown in the article's photograph (undated).",
  ("李荣灿调研兰州市就业创业促进会工作", 0))
E("city-promotion-meeting", "event", "全市城市基层党建工作推进会议",
  "city-wide meeting to advance urban grassroots Party building",
  "Meeting convened by the municipal Party committee to plan and push the work.",
  ("召 开全市城市基层党建工作推进会议", 2), alt_en=["city urban Party-building promotion meeting"])
E("grassroots-promotion-meeting", "event", "基层党建工作推进会议",
  "meeting to advance grassroots Party building",
  "Second meeting named right after the city-wide one; it may be a separate meeting or a "
  "repetition in the print.", ("基层党建工作推进会议,精 心安排部署", 2))
E("on-site-observation", "event", "现场观摩活动", "on-site observation activities",
  "Visits at which districts, counties and sector departments show their best practice and "
  "learn from each other.", ("组织开展现 场观摩活动", 2), alt_en=["on-site study visits"])
E("thematic-research", "event", "专题调研", "thematic research",
  "Repeated research on what urban grassroots Party building is and how to do it.",
  ("组织开展专题调研", 1))
E("theory-seminars", "event", "理论研讨", "theoretical seminars",
  "Seminars on the theory of urban grassroots Party building.", ("理论研讨", 1))
E("thematic-training", "event", "专题培训", "thematic training",
  "Training on urban grassroots Party building.", ("理论研讨、 专题培训", 1))
E("covid-19-response", "event", "新冠肺炎疫情防控", "COVID-19 prevention and control",
  "The epidemic response in which temporary Party organizations, vanguard teams and volunteer "
  "teams were set up and organ Party members went to the front line.",
  ("这次新冠肺 炎疫情防控工作中", 6), ("疫情防控一线", 6),
  alt_zh=["疫情防控"], alt_en=["epidemic prevention and control"])

# ======================================================================================
# Relations (each becomes a triple plus an rdf:Statement with its evidence)
# ======================================================================================
SUB, LEADS, COORD, IMPL = "org:subOrganizationOf", "kgx:leads", "kgx:coordinates", "kgx:implements"
PART, EST, SERVES, ROLE = "kgx:participatesIn", "kgx:establishes", "kgx:serves", "kgx:hasRole"
HAS, LEVEL, APPLIES, REL = "kgx:hasPart", "kgx:atLevel", "kgx:appliesTo", "kgx:relatedTo"
ADDR, LOC, ORGZ = "kgx:addresses", "kgx:locatedIn", "kgx:organizes"

FOUR_LEVELS = ("市、区、街道、社区四级党 组织", 2)

# -- article metadata ------------------------------------------------------------------
ARTICLE_LINKS = [
    ("dcterms:creator", "li-rongcan", ("兰州市委书记 李荣灿", 0)),
    ("schema:editor", "meng-hang", ("本版责编 孟 航", 0)),
    ("schema:contributor", "guo-jiahui", ("本版美编 郭佳卉", 0)),
    ("dcterms:isPartOf", "column-secretaries-at-the-helm", ("书记领税", 0)),
]
for pred, obj, ev in ARTICLE_LINKS:
    R("article", pred, obj, ev)
R("column-secretaries-at-the-helm", "dcterms:isPartOf", "urban-party-building-weekly",
  ("城市党建 周刊 书记领税", 0))

# -- people, visits, instructions --------------------------------------------------------
R("li-rongcan", "org:headOf", "lanzhou-municipal-party-committee", ("兰州市委书记 李荣灿", 0))
R("li-rongcan", "org:memberOf", "gansu-provincial-standing-committee",
  ("甘肃省委常委、兰州市委书记 李荣灿", 0))
R("li-rongcan", PART, "li-research-visit", ("李荣灿调研兰州市就业创业促进会工作", 0))
R("li-research-visit", REL, "lanzhou-employment-promotion-association",
  ("调研兰州市就业创业促进会工作", 0))
R("xi-jinping", PART, "xi-inspection-2013", ("2013年2月,习近平 总书记考察甘肃", 0))
R("xi-jinping", PART, "xi-inspection-2019", ("习近平总书 记再次来到兰州考察", 0))
R("xi-inspection-2013", LOC, "gansu", ("总书记考察甘肃时", 0))
R("xi-inspection-2019", LOC, "lanzhou", ("再次来到兰州考察", 0))
R("xi-instructions", "kgx:issuedBy", "xi-jinping", ("给予肯定并 作出重要指示", 0),
  ("习近平总书记的 这些重要指示", 0))
R("xi-instructions", REL, "xi-inspection-2013", ("考察甘肃时", 0), ("作出重要指示", 0))
R("xi-instructions", "kgx:guides", "urban-grassroots-party-building",
  ("为我们做好城市基层党建 工作指明了努力方向", 0))
R("minqing-assembly-line", "kgx:praisedBy", "xi-jinping", ('"民情流水线"做法给予肯定', 0))
R("minqing-assembly-line", REL, "xi-inspection-2013",
  ('考察甘肃时,对兰州市七里河区西 湖街道党建"民情流水线"做法给予肯定', 0))
R("xihu-subdistrict", EST, "minqing-assembly-line", ('西 湖街道党建"民情流水线"做法', 0))
R("xi-inspection-2019", REL, "people-centred-development",
  ("强调城市是人民的, 城市建设要坚持以人民为中心的发展理 念", 0))
R("people-centred-development", SERVES, "happier-lives",
  ("以人民为中心的发展理 念,让群众过得更幸福", 0))

# -- places -------------------------------------------------------------------------------
R("lanzhou", LOC, "gansu", ("兰州市作为省会城市,是 全省人口", 1))
R("lanzhou", LOC, "western-china", ("具有西部省会城市特点", 0))
R("qilihe-district", LOC, "lanzhou", ("兰州市七里河区", 0))
R("lanzhou-municipal-party-committee", LOC, "lanzhou", ("兰州市委", 0))
R("gansu-provincial-party-committee", LOC, "gansu", ("甘肃省委", 0))
R("lanzhou-employment-promotion-association", LOC, "lanzhou", ("兰州市就业创业促进会", 0))
R("yellow-river-strategy", REL, "yellow-river", ("黄河流域生 态保护", 1))
R("yellow-river-article", REL, "yellow-river", ("做好黄河文章", 1))
R("lanzhou", "kgx:honouredWith", "national-garden-city", ("相继获得国家园林 城市", 1))
R("lanzhou", "kgx:honouredWith", "national-civilized-city",
  ("全国文明城市荣誉称号", 1))

# -- organization hierarchy ----------------------------------------------------------------
R("gansu-provincial-party-committee", SUB, "cpc", ("甘肃省委", 0))
R("gansu-provincial-standing-committee", SUB, "gansu-provincial-party-committee",
  ("甘肃省委常委", 0))
R("lanzhou-municipal-party-committee", SUB, "gansu-provincial-party-committee",
  ("甘肃省委常委、兰州市委书记", 0), ("市委在全省 率先", 2))
R("district-county-party-committees", SUB, "lanzhou-municipal-party-committee", FOUR_LEVELS)
R("subdistrict-party-working-committees", SUB, "district-county-party-committees", FOUR_LEVELS)
R("community-party-organizations", SUB, "subdistrict-party-working-committees", FOUR_LEVELS)
R("district-party-building-leading-groups", SUB, "district-county-party-committees",
  ("建立党建工作领导小组", 2))
R("subdistrict-greater-working-committees", SUB, "subdistrict-party-working-committees",
  ('全市53个街道 全部成立"大工委"', 4))
R("community-greater-party-committees", SUB, "community-party-organizations",
  ('426个社 区全部成立"大党委"', 4))
R("temporary-party-organizations", SUB, "lanzhou-municipal-party-committee",
  ("我们成立 临时党组织228个", 6))
R("vanguard-teams", SUB, "lanzhou-municipal-party-committee",
  ("组建党员 先锋队(突击队)2888个", 6))
R("volunteer-service-teams", SUB, "lanzhou-municipal-party-committee",
  ("党员志愿者服 务队1784个", 6))
R("xihu-subdistrict", SUB, "qilihe-district", ("兰州市七里河区西 湖街道", 0))
R("stationed-unit-party-organizations", SUB, "stationed-units", ("驻区单位党组织", 6))
R("organs-at-all-levels", SUB, "stationed-units", ("驻区各级机关", 4))
R("enterprises-and-institutions", SUB, "stationed-units", ("驻区各级机关、企事业单位", 4))
R("two-new-organizations", SUB, "stationed-units", ('驻区各级机关、企事业单位、"两 新"组织', 4))

# -- levels and roles --------------------------------------------------------------------
R("lanzhou-municipal-party-committee", LEVEL, "level-city", ("在市级层面,市委", 2))
R("district-county-party-committees", LEVEL, "level-district", ("在区县层面,区县党委", 2))
R("subdistrict-party-working-committees", LEVEL, "level-subdistrict", FOUR_LEVELS)
R("community-party-organizations", LEVEL, "level-community", FOUR_LEVELS)
R("district-party-building-leading-groups", LEVEL, "level-district",
  ("在区县层面,区县党委充分发 挥", 2))
R("subdistrict-greater-working-committees", LEVEL, "level-subdistrict",
  ('53个街道 全部成立"大工委"', 4))
R("community-greater-party-committees", LEVEL, "level-community",
  ('426个社 区全部成立"大党委"', 4))
R("qilihe-district", LEVEL, "level-district", ("七里河区", 0))
R("xihu-subdistrict", LEVEL, "level-subdistrict", ("西 湖街道", 0))
for level, role, quote in [
    ("level-city", "role-city-planning", "市级统筹谋划"),
    ("level-district", "role-district-guidance", "区级 指导推动"),
    ("level-subdistrict", "role-subdistrict-implementation", "街道具体落实"),
    ("level-community", "role-community-backstop", "社区 兜底管理"),
]:
    R(level, ROLE, role, (quote, 2))
    R("four-level-linkage", HAS, role,
      ("市级统筹谋划、区级 指导推动、街道具体落实、社区 兜底管理四级联动", 2))
for function, quote in [
    ("function-party-building", "明确街道加强 党的建设"),
    ("function-regional-development", "统筹区域发展"),
    ("function-public-services", "公共服务等职能"),
]:
    R("level-subdistrict", ROLE, function, (quote, 2))
    R("subdistrict-functions", HAS, function, (quote, 2))
R("lanzhou-municipal-party-committee", ROLE, "role-city-planning", ("作出科学谋划和总体设计", 2))
R("district-county-party-committees", ROLE, "role-frontline-command",
  ('区县党委充分发 挥"一线指挥部"作用', 2))
R("district-county-party-committees", ROLE, "role-district-guidance", ("因地制宜具体指导推动", 2))
R("subdistrict-party-working-committees", ROLE, "role-leading-driver",
  ('充分发挥"龙 头带动"作用', 2))
R("subdistrict-party-working-committees", ROLE, "role-axis", ('充分发挥街道党工 委"轴心"作用', 4))
R("subdistrict-party-working-committees", ROLE, "role-subdistrict-implementation",
  ("街道具体落实", 2))
R("community-party-organizations", ROLE, "role-fighting-fortress", ("有效发挥战斗 堡垒作用", 2))
R("community-party-organizations", ROLE, "role-community-backstop",
  ("保证社区党组织有足够精力兜 底管理", 2))
for body in ("lanzhou-municipal-party-committee", "district-county-party-committees",
             "subdistrict-party-working-committees", "community-party-organizations"):
    R(body, PART, "four-level-linkage", ("只有四级党组织紧密联动", 2))

# -- aims, strategies and ideas (sections 0-1) ---------------------------------------------
UGPB = "urban-grassroots-party-building"
R(UGPB, SERVES, "governing-foundation", ("加强城市基层党建,是夯实党在城市 执政基础", 0),
  ("以巩固党在城市执政基础", 1))
R(UGPB, SERVES, "governance-modernization", ("推进城市治理体系和治理能力 现代化的核心要义", 0))
R(UGPB, SERVES, "people-wellbeing", ("增 进群众福祉为目标", 1))
R(UGPB, SERVES, "modern-central-city", ("为加快建设现代 化中心城市提供坚强组织保证", 0))
R(UGPB, SERVES, "new-pattern", ("共建共享的城市基层党建新格局", 0))
R(UGPB, SERVES, "new-path", ("党 建引领基层治理新路子", 0))
R(UGPB, REL, "whole-area-party-building", ("推进城市基层党建工作创新,树立全域党建理念", 1))
for part in ("regional-coordination", "vertical-horizontal-coordination",
             "upper-lower-linkage", "co-building-and-sharing"):
    R("new-pattern", HAS, part, ("区域统筹、条块协同、上下联 动、共建共享的城市基层党建新格局", 0))
R("new-path", REL, "western-china", ("具有西部省会城市特点的党 建引领基层治理新路子", 0))
R("cpc", LEADS, "urban-work", ("坚持和加强党对城市工作的领导", 1))
R("whole-area-party-building", LEADS, "whole-area-governance", ("以全域党建 引领全域治理", 1))
R("whole-area-party-building", HAS, "systems-thinking", ("树立全域党建理念 着力强化系统思维", 1))
R("whole-area-party-building", HAS, "holistic-thinking", ("系统思维、整体思维", 1))
R("whole-area-party-building", HAS, "four-level-linkage", ("坚持全域四级联动", 2))
R("whole-area-party-building", HAS, "whole-area-co-building", ("突出全域共驻共建", 3))
R("whole-area-party-building", ADDR, "new-contradictions",
  ("有效应对城市发展过程中出现的矛盾和问题", 1))
R("whole-area-party-building", ADDR, "traditional-party-building-gap",
  ("从街道社 区党建的传统思维中跳出来", 1))
R("lanzhou-municipal-party-committee", IMPL, "whole-area-party-building", ("树立全域党建理念", 1))
for body in ("subdistrict-party-working-committees", "community-party-organizations"):
    for other in ("stationed-unit-party-organizations", "social-organizations",
                  "sector-party-organizations"):
        R(body, COORD, other, ("以街道社 区党组织为主导", 1),
          ("辖区单位、社会组织、行 业领域等基层党组织统筹起 来", 1))
for event in ("thematic-research", "theory-seminars", "thematic-training"):
    R("lanzhou-municipal-party-committee", ORGZ, event,
      ("多次 组织开展专题调研、理论研讨、 专题培训", 1))
    R(event, REL, UGPB, ("城市基层党建是什么、抓什么、怎 么抓", 1))
for strategy, quote in [
    ("belt-and-road", '积极抢抓 "一带一路"建设'),
    ("western-development", "推进西部大 开发形成新格局"),
    ("yellow-river-strategy", "黄河流域生 态保护和高质量发展"),
    ("lanzhou-xining-urban-agglomeration", "兰西城 市群建设重大战略机遇"),
]:
    R("lanzhou-municipal-party-committee", PART, strategy, (quote, 1))
for programme, quote in [
    ("one-core-two-wings", '积极构 建"一心两翼多点"城市空间布 局'),
    ("urban-facilities", "努力完善城市功能设施"),
    ("exquisite-lanzhou", "扎 实推进精致兰州建设"),
    ("yellow-river-article", "精心做 好黄河文章"),
]:
    R("lanzhou-municipal-party-committee", IMPL, programme, (quote, 1))
    R(programme, SERVES, "modern-central-city", ("以建设 现代化中心城市为牵引", 1))

# -- problems ------------------------------------------------------------------------------
for cause, quote in [
    ("rapid-urbanization", "随着城市化进程不 断加快"),
    ("urban-expansion", "城市规模不断扩大"),
    ("migrant-influx", "外 来人员大量涌入"),
    ("population-growth", "城市人口持 续增加"),
]:
    R(cause, REL, "social-structure-change", (quote, 1))
R("social-structure-change", REL, "new-contradictions",
  ("发生深刻 变化,城市治理面临很多新矛 盾新问题", 1))
R("new-contradictions", HAS, "urban-diseases", ('等"城 市病"需要解决', 1))
R("new-contradictions", HAS, "thorny-problems", ("物业管理等棘手问题需要处 理", 1))
for part in ("traffic-congestion", "environmental-pollution", "public-goods-shortfall"):
    R("urban-diseases", HAS, part, ('交通拥堵、环境 污染、公共产品供给不足等"城 市病"', 1))
for part in ("illegal-construction", "old-compound-renovation", "housing-demolition",
             "property-management"):
    R("thorny-problems", HAS, part, ("违法建 设、老旧小区改造、房屋拆迁、 物业管理等棘手问题", 1))
for part in ("intertwined-problems", "complex-interests"):
    R("new-contradictions", HAS, part, ("新旧问题相互交 织,利益矛盾错综复杂", 1))
R("traditional-party-building-gap", REL, "new-contradictions",
  ("传统的 街道社区党建已不能完全适应 形势的发展变化", 1))

# -- four-level linkage: responsibility (section 2) -----------------------------------------
R("no1-project", APPLIES, "party-secretaries", ('各级党组织书记"一号工程"', 2))
R("no1-project", REL, UGPB, ('把城市基层党建 作为各级党组织书记"一号工程"', 2))
R("secretary-responsibility", APPLIES, "party-secretaries", ('坚持"书记抓、抓书记"', 2))
for mech in ("no1-project", "secretary-responsibility", "party-building-responsibility-system",
             "responsibility-cascade"):
    R(mech, SERVES, "four-level-linkage", ('构建起市级统筹谋划', 2))
R("lanzhou-municipal-party-committee", IMPL, "secretary-responsibility",
  ('坚持"书记抓、抓书记"', 2))
R("lanzhou-municipal-party-committee", IMPL, "party-building-responsibility-system",
  ("紧紧扭住党建工作责任制", 2))
R("party-building-responsibility-system", ADDR, "last-kilometre",
  ("切实打通主体责任和工作落实的最后一公里", 2))
R("responsibility-cascade", ADDR, "last-kilometre", ("层层压实责任,切实打通主体责任", 2))

# -- city level ------------------------------------------------------------------------------
R("city-opinions", "kgx:issuedBy", "lanzhou-municipal-party-committee",
  ("市委在全省 率先制定出台进一步加强城市 基层党建工作的意见", 2))
R("city-opinions", "kgx:guides", UGPB, ("进一步加强城市 基层党建工作的意见", 2))
for mech in ("city-opinions", "three-maps", "standardization-system", "city-promotion-meeting",
             "grassroots-promotion-meeting", "on-site-observation"):
    R(mech, LEVEL, "level-city", ("在市级层面", 2))
R("lanzhou-municipal-party-committee", ORGZ, "city-promotion-meeting",
  ("召 开全市城市基层党建工作推进会议", 2))
R("lanzhou-municipal-party-committee", ORGZ, "grassroots-promotion-meeting",
  ("基层党建工作推进会议,精 心安排部署", 2))
R("lanzhou-municipal-party-committee", ORGZ, "on-site-observation", ("组织开展现 场观摩活动", 2))
R("district-county-party-committees", PART, "on-site-observation", ("引导区县和行业部门展示亮 点",
  2))
R("sector-departments", PART, "on-site-observation", ("引导区县和行业部门展示亮 点", 2))
R("lanzhou-municipal-party-committee", EST, "three-maps",
  ('制 定城市基层党建重点任务、融 合共建、网格党建"三张导图"', 2))
for part in ("key-tasks-map", "integration-map", "grid-map"):
    R("three-maps", HAS, part, ('城市基层党建重点任务、融 合共建、网格党建"三张导图"', 2))
R("grid-map", REL, "grid-party-building", ('网格党建"三张导图"', 2))
R("three-maps", SERVES, "standardization-system", ('"三张导图", 建立起以重点任务', 2))

# -- district level ---------------------------------------------------------------------------
R("district-county-party-committees", EST, "district-party-building-leading-groups",
  ("建立党建工作领导小组", 2))
R("district-county-party-committees", EST, "district-joint-conference-system",
  ("建立党建工作领导小组和党建联席会议制度", 2))
R("district-county-party-committees", EST, "key-task-responsibility-list",
  ("建立重点任务责任清单", 2))
R("district-county-party-committees", IMPL, "monthly-scheduling",
  ("实施一月一调度、一季一通报", 2))
for mech in ("district-joint-conference-system", "key-task-responsibility-list",
             "monthly-scheduling"):
    R(mech, LEVEL, "level-district", ("在区县层面", 2))

# -- subdistrict level -------------------------------------------------------------------------
R("lanzhou-municipal-party-committee", IMPL, "subdistrict-management-reform",
  ("深入推进描加 管理体制改革", 2))
R("subdistrict-management-reform", LEVEL, "level-subdistrict", ("在街道层面", 2))
for goal in ("goal-empowerment", "goal-capacity", "goal-burden-reduction"):
    R("subdistrict-management-reform", SERVES, goal, ("以赋权、扩能、减负为目标", 2))
R("subdistrict-management-reform", HAS, "subdistrict-functions", ("明确街道加强 党的建设", 2))
R("subdistrict-management-reform", HAS, "subdistrict-powers", ("工委对区县职能部门考核", 2))
R("subdistrict-management-reform", HAS, "economic-task-removal", ("街道承担的招商引资", 2))
R("subdistrict-powers", "kgx:grantedTo", "subdistrict-party-working-committees",
  ("工委对区县职能部门考核", 2))
for power, quote in [
    ("power-assess-departments", "工委对区县职能部门考核"),
    ("power-appointment-consent", "选拔任用征得同意权"),
    ("power-planning-participation", "规关 与与权"),
    ("power-comprehensive-management", "综合管理权"),
]:
    R("subdistrict-powers", HAS, power, (quote, 2))
    R(power, "kgx:grantedTo", "subdistrict-party-working-committees",
      ("工委对区县职能部门考核", 2), (quote, 2))
R("power-assess-departments", APPLIES, "district-functional-departments",
  ("对区县职能部门考核", 2))
R("economic-task-removal", APPLIES, "level-subdistrict", ("街道承担的招商引资", 2))
R("economic-task-removal", SERVES, "goal-burden-reduction", ("减负为目标", 2))
R("subdistrict-party-working-committees", IMPL, "focus-on-main-duty",
  ("科道党组织聚焦主责主业", 2))

# -- community level ---------------------------------------------------------------------------
R("lanzhou-municipal-party-committee", IMPL, "community-affairs-separation",
  ("深入推进社 区行政事务与服务分离改革", 2))
for mech, quote in [
    ("community-affairs-separation", "社 区行政事务与服务分离改革"),
    ("duty-list-management", "全面实施职责清单管理"),
    ("duty-access-system", "落实 职责准入制度"),
    ("certificate-cleanup", "全面清理各职 能部门要求社区出具的各类证 明"),
    ("community-activity-regulation", "规范面向社区的各类达标"),
]:
    R(mech, LEVEL, "level-community", ("在社区层面", 2), (quote, 2))
    R(mech, SERVES, "community-burden-reduction", ("最大限度为社区减负增效", 2))
R("certificate-cleanup", APPLIES, "functional-departments", ("各职 能部门要求社区出具的各类证 明",
  2))
R("community-party-organizations", COORD, "small-micro-enterprises",
  ("兜 底管理辖区内小微企业", 2))
R("community-party-organizations", COORD, "social-organizations",
  ("兜 底管理辖区内小微企业和社会 组织党建工作", 2))

# -- whole-area joint building (section 3) -----------------------------------------------------
WACB = "whole-area-co-building"
for problem, quote in [
    ("affiliation-barriers", "打破行政隶属壁垒"),
    ("closed-fences", "拆除相互封闭藩 篱"),
    ("going-it-alone", "从各自为政走向互联互动"),
    ("mutual-separation", "从相互分离走向相融共生"),
]:
    R(WACB, ADDR, problem, (quote, 3))
R(WACB, SERVES, "interconnection", ("从各自为政走向互联互动", 3))
R(WACB, SERVES, "symbiosis", ("从相互分离走向相融共生", 3))
R(WACB, APPLIES, "all-field-party-organizations", ("引导各领域党组织打破行政隶属壁垒", 3))
R("integration-opinions", "kgx:issuedBy", "lanzhou-municipal-party-committee",
  ("我们制定推动街道、驻 区单位、行业领域党组织融合 共建的意见", 3))
for body in ("subdistrict-party-working-committees", "stationed-unit-party-organizations",
             "sector-party-organizations"):
    R("integration-opinions", APPLIES, body, ("推动街道、驻 区单位、行业领域党组织融合 共建", 3))
R("integration-opinions", "kgx:guides", WACB, ("党组织融合 共建的意见", 3))
R("lanzhou-municipal-party-committee", IMPL, "wugong-wulian-method",
  ('为主要内容的 "五共五联"工作法', 3))
R(WACB, HAS, "wugong-wulian-method", ('"五共五联"工作法', 3))
for part, quote in [
    ("wugong-organization", "组织 共建、党员联动"),
    ("wugong-affairs", "要事共商、发 展联促"),
    ("wugong-activities", "活动共办、服务联创"),
    ("wugong-resources", "资源共享、契约联结"),
    ("wugong-experience", "经验共 学、成效联提"),
]:
    R("wugong-wulian-method", HAS, part, (quote, 3))
for form in ("party-building-community", "party-building-alliance", "red-matrix"):
    R(WACB, HAS, form, ("大力推广 党建共同体、党建联盟、红色矩 阵等新方式新形态", 3))
R(WACB, HAS, "co-building-sharing-mechanism", ("加快构建 联结辖区各类组织的共建共享 机制", 3))
R("co-building-sharing-mechanism", SERVES, "one-chessboard", ('形成区域内融合共建"一 盘棋"', 3))
R("co-building-sharing-mechanism", SERVES, "one-family", ('把辖区单位凝聚成为 "一家人"', 3))
R("one-family", APPLIES, "stationed-units", ('把辖区单位凝聚成为 "一家人"', 3))
for stream, quote, section in [
    ("organizational-linkage", "完善组织联结", 4),
    ("resource-sharing", "促进资源共享", 5),
    ("co-building-effectiveness", "增强共建实效", 6),
]:
    R(WACB, HAS, stream, (quote, section))

# -- improving organizational linkage (section 4) -----------------------------------------------
R("organizational-linkage", HAS, "part-time-member-system", ('深入推行 "兼职委员制"', 4))
R("organizational-linkage", HAS, "subdistrict-joint-conference-system",
  ("健全完善 街道党建联席会议制度", 4))
R("part-time-member-system", HAS, "exit-replenishment-mechanism", ("并建立退出和增补机制", 4))
R("part-time-member-system", APPLIES, "part-time-members", ("党组织负责人为兼职 委员", 4))
R("part-time-member-system", APPLIES, "subdistrict-greater-working-committees",
  ('"兼职委员制",全市53个街道 全部成立"大工委"', 4))
R("part-time-member-system", APPLIES, "community-greater-party-committees",
  ('426个社 区全部成立"大党委"', 4))
R("subdistrict-party-working-committees", EST, "subdistrict-greater-working-committees",
  ('全市53个街道 全部成立"大工委"', 4))
R("community-party-organizations", EST, "community-greater-party-committees",
  ('426个社 区全部成立"大党委"', 4))
for body in ("subdistrict-greater-working-committees", "community-greater-party-committees"):
    R("stationed-unit-party-organizations", PART, body,
      ('吸收驻 区各级机关、企事业单位、"两 新"组织党组织负责人为兼职 委员', 4))
    for unit in ("organs-at-all-levels", "enterprises-and-institutions", "two-new-organizations"):
        R(unit, PART, body, ('吸收驻 区各级机关、企事业单位、"两 新"组织党组织负责人为兼职 委员',
          4))
R("subdistrict-joint-conference-system", LEVEL, "level-subdistrict", ("街道党建联席会议制 度", 4))
for part, quote in [
    ("liaison-mechanism", "建立联席会议联络员日常 联系机制"),
    ("rotating-lead-unit", "党组织轮流担任联席会议牵头 单位"),
    ("quarterly-joint-meetings", "每季度组织召开联席会 议"),
]:
    R("subdistrict-joint-conference-system", HAS, part, (quote, 4))
R("liaison-mechanism", APPLIES, "liaison-officers", ("联席会议联络员日常 联系机制", 4))
R("subdistrict-party-working-committees", LEADS, "subdistrict-joint-conference-system",
  ('充分发挥街道党工 委"轴心"作用', 4))
R("stationed-unit-party-organizations", PART, "subdistrict-joint-conference-system",
  ("辖区单位 党组织轮流担任联席会议牵头 单位", 4))
R("rotating-lead-unit", APPLIES, "stationed-unit-party-organizations",
  ("辖区单位 党组织轮流担任联席会议牵头 单位", 4))

# -- promoting resource sharing (section 5) -------------------------------------------------------
for part, quote in [
    ("contract-based-co-building", '深入开展 "契约化"共建'),
    ("two-way-communication", "建立双向沟通 服务机制"),
    ("gongzhu-gongjian", "所在街道社区开展共驻共建"),
    ("three-lists", '项目"三项清单"'),
    ("two-way-claiming", "对照清单双向认领、双向 服务"),
    ("venue-sharing", "切实用好用活驻区单位 教育、文化、体育等场所阵地"),
]:
    R("resource-sharing", HAS, part, (quote, 5))
R("contract-based-co-building", REL, "co-building-agreements", ("签订共驻共建协议", 5))
R("gongzhu-gongjian", REL, "co-building-agreements", ("签订共驻共建协议 4616份", 5))
R("wugong-resources", REL, "contract-based-co-building", ("资源共享、契约联结", 3),
  ('"契约化"共建', 5))
R("stationed-unit-party-organizations", PART, "gongzhu-gongjian",
  ("1303 个基层党组织与 所在街道社区开展共驻共建", 5))
R("enterprises-and-institutions", PART, "gongzhu-gongjian",
  ("吸纳各级机关企事 业单位 1303 个基层党组织", 5))
R("organs-at-all-levels", PART, "gongzhu-gongjian", ("吸纳各级机关企事 业单位 1303 个基层党组织",
  5))
for body in ("subdistrict-party-working-committees", "community-party-organizations"):
    R(body, PART, "gongzhu-gongjian", ("与 所在街道社区开展共驻共建", 5))
for part in ("resource-list", "needs-list", "project-list"):
    R("three-lists", HAS, part, ('建 立了资源、 需求、项目"三项清单"', 5))
R("two-way-claiming", REL, "three-lists", ("对照清单双向认领", 5))
R("venue-sharing", APPLIES, "stationed-units", ("用好用活驻区单位 教育、文化、体育等场所阵地", 5))

# -- making joint building effective (section 6) ------------------------------------------------
for part, quote in [
    ("joint-theme-party-days", "共过主题党 日"),
    ("joint-party-lectures", "共听优秀党课"),
    ("joint-theory-study", "共学创新理 论"),
    ("community-registration", "深化 驻区单位党组织、在职党员到 社区报到工作机制"),
]:
    R("co-building-effectiveness", HAS, part, (quote, 6))
    if part != "community-registration":
        R(part, APPLIES, "stationed-unit-party-organizations",
          ("积极组织辖区党组织共过主题党 日", 6), (quote, 6))
R("community-registration", HAS, "unit-registration", ("驻区单位党组织、在职党员到 社区报到", 6))
R("community-registration", HAS, "member-registration", ("驻区单位党组织、在职党员到 社区报到", 6))
R("unit-registration", APPLIES, "stationed-unit-party-organizations",
  ("驻区单位党组织、在职党员到 社区报到", 6))
R("member-registration", APPLIES, "in-service-party-members", ("4.8万名在 职党员到社区报到", 6))
R("in-service-party-members", PART, "volunteer-service-activities",
  ("开展各类 志愿服务活动5.6万余次", 6))
R("in-service-party-members", PART, "micro-wishes", ('完成 群众"微心愿"或解决实际问题', 6))
R("community-registration", SERVES, "integrated-development",
  ("全域党建融合发展 逐步迈入常态化", 6))

# -- COVID-19 (section 6) -------------------------------------------------------------------------
R("covid-19-response", ADDR, "covid-19-epidemic", ("这次新冠肺 炎疫情防控工作中", 6))
for body, quote in [
    ("temporary-party-organizations", "我们成立 临时党组织228个"),
    ("vanguard-teams", "组建党员 先锋队(突击队)2888个"),
    ("vanguard-posts", "党员 先锋岗3139个"),
    ("volunteer-service-teams", "党员志愿者服 务队1784个"),
]:
    R("lanzhou-municipal-party-committee", EST, body, (quote, 6))
    R(body, PART, "covid-19-response", ("这次新冠肺 炎疫情防控工作中", 6), (quote, 6))
for part, quote in [
    ("members-to-frontline", "组织各级机关2 万多名党员下沉一线"),
    ("joint-prevention-control", "筑牢了联防 联控"),
    ("mass-prevention-control", "群防群控的铜墙铁壁"),
]:
    R("covid-19-response", HAS, part, (quote, 6))
R("organs-at-all-levels", PART, "members-to-frontline", ("组织各级机关2 万多名党员下沉一线", 6))
R("all-field-party-organizations", PART, "covid-19-response",
  ("发动物 业公司等各领域党组织全力投 入", 6))
R("property-management-companies", PART, "covid-19-response",
  ("发动物 业公司等各领域党组织全力投 入", 6))
R("community-workers", PART, "covid-19-response", ("与广大街道社区工作者并 肩作战", 6))
R("cpc", REL, "covid-19-response", ("党 的旗帜始终在疫情防控一线高 高飘扬", 6))

# ======================================================================================
# Figures
# ======================================================================================
F = kg.figure
PEOPLE, ITEMS = ("人", "people"), ("个", "items")
MORE_THAN = ("余", "more than")
F("new-residents-2019", "145000", "xsd:integer", unit=PEOPLE,
  counts=("全市新增人口", "increase in the city's population"),
  of=["lanzhou", "population-growth"], zh="2019年全市新增人口14.5万人",
  en="145,000 more people in the city in 2019",
  evidence=[("2019年全市新增人口 14.5万人", 1)], as_of='"2019"^^xsd:gYear')
F("urbanisation-rate", "80", "xsd:decimal", unit=("%", "per cent"),
  counts=("常住人口城镇化率", "urbanisation rate of the resident population"),
  of=["lanzhou", "rapid-urbanization"], zh="常住人口城镇化率超过80%",
  en="urbanisation rate of resident population over 80%",
  evidence=[("常住人口城镇化率 已经超过80%", 1)], qualifier=("超过", "more than"))
F("key-tasks-16", "16", "xsd:integer", unit=("项", "key tasks"),
  counts=("重点任务", "key tasks"), of=["city-opinions"], zh="16项重点任务",
  en="16 key tasks", evidence=[("确定16 项重点任务", 2)])
F("measures-64", "64", "xsd:integer", unit=("条", "measures"),
  counts=("具体措施", "specific measures"), of=["city-opinions"], zh="64条具体措施",
  en="64 specific measures", evidence=[("64条具体措施", 2)])
F("subdistricts-53", "53", "xsd:integer", unit=("个", "subdistricts"),
  counts=("成立“大工委”的街道(全市全部街道)",
          "subdistricts with a greater working committee (all subdistricts of the city)"),
  of=["subdistrict-greater-working-committees", "level-subdistrict"],
  zh="53个街道全部成立“大工委”", en="53 subdistricts, all with a greater working committee",
  evidence=[('全市53个街道 全部成立"大工委"', 4)])
F("communities-426", "426", "xsd:integer", unit=("个", "communities"),
  counts=("成立“大党委”的社区(全部社区)",
          "communities with a greater Party committee (all communities)"),
  of=["community-greater-party-committees", "level-community"],
  zh="426个社区全部成立“大党委”", en="426 communities, all with a greater Party committee",
  evidence=[('426个社 区全部成立"大党委"', 4)])
F("party-organizations-1303", "1303", "xsd:integer", unit=("个", "Party organizations"),
  counts=("参与共驻共建的各级机关企事业单位基层党组织",
          "grassroots Party organizations of organs, enterprises and institutions in joint "
          "building"),
  of=["stationed-unit-party-organizations", "gongzhu-gongjian"],
  zh="1303个基层党组织开展共驻共建", en="1,303 Party organizations in joint building",
  evidence=[("吸纳各级机关企事 业单位 1303 个基层党组织", 5)])
F("agreements-4616", "4616", "xsd:integer", unit=("份", "agreements"),
  counts=("共驻共建协议", "joint-building agreements signed"),
  of=["co-building-agreements", "contract-based-co-building"],
  zh="签订共驻共建协议4616份", en="4,616 joint-building agreements",
  evidence=[("签订共驻共建协议 4616份", 5)])
F("in-service-members-48000", "48000", "xsd:integer", unit=("名", "Party members"),
  counts=("到社区报到的在职党员", "in-service Party members registered with communities"),
  of=["member-registration", "in-service-party-members"],
  zh="4.8万名在职党员到社区报到", en="48,000 in-service Party members registered",
  evidence=[("4.8万名在 职党员到社区报到", 6)])
F("volunteer-activities-56000", "56000", "xsd:integer", unit=("次", "activities"),
  counts=("志愿服务活动", "volunteer service activities held"),
  of=["volunteer-service-activities"], zh="志愿服务活动5.6万余次",
  en="more than 56,000 volunteer activities",
  evidence=[("开展各类 志愿服务活动5.6万余次", 6)], qualifier=MORE_THAN)
F("micro-wishes-6400", "6400", "xsd:integer", unit=ITEMS,
  counts=("完成的群众“微心愿”或解决的实际问题",
          "residents' micro-wishes fulfilled or practical problems solved"),
  of=["micro-wishes"], zh="完成“微心愿”或解决实际问题6400多个",
  en="more than 6,400 micro-wishes fulfilled or problems solved",
  evidence=[("解决实际问题 6400多个", 6)], qualifier=("多", "more than"))
F("temporary-party-organizations-228", "228", "xsd:integer",
  unit=("个", "organizations"), counts=("成立的临时党组织", "temporary Party organizations set up"),
  of=["temporary-party-organizations"], zh="临时党组织228个",
  en="228 temporary Party organizations", evidence=[("成立 临时党组织228个", 6)])
F("vanguard-teams-2888", "2888", "xsd:integer", unit=("个", "teams"),
  counts=("组建的党员先锋队(突击队)", "Party-member vanguard (shock) teams formed"),
  of=["vanguard-teams"], zh="党员先锋队(突击队)2888个", en="2,888 vanguard teams",
  evidence=[("先锋队(突击队)2888个", 6)])
F("vanguard-posts-3139", "3139", "xsd:integer", unit=("个", "posts"),
  counts=("党员先锋岗", "Party-member vanguard posts"), of=["vanguard-posts"],
  zh="党员先锋岗3139个", en="3,139 vanguard posts", evidence=[("党员先锋岗3139个", 6)])
F("volunteer-teams-1784", "1784", "xsd:integer", unit=("个", "teams"),
  counts=("党员志愿者服务队", "Party-member volunteer service teams"),
  of=["volunteer-service-teams"], zh="党员志愿者服务队1784个",
  en="1,784 volunteer service teams", evidence=[("党员志愿者服 务队1784个", 6)])
F("frontline-members-20000", "20000", "xsd:integer", unit=("名", "Party members"),
  counts=("下沉一线的各级机关党员", "Party members of organs sent to the front line"),
  of=["members-to-frontline", "organs-at-all-levels"], zh="2万多名机关党员下沉一线",
  en="more than 20,000 organ Party members at the front line",
  evidence=[("2 万多名党员下沉一线", 6)], qualifier=("多", "more than"))
F("levels-4", "4", "xsd:integer", unit=("级", "levels"),
  counts=("联动的党组织层级", "levels of Party organization acting together"),
  of=["four-level-linkage"], zh="四级党组织", en="four levels of Party organization",
  evidence=[("市、区、街道、社区四级党 组织", 2)])
F("maps-3", "3", "xsd:integer", unit=("张", "maps"), counts=("导图", "guide maps"),
  of=["three-maps"], zh="三张导图", en="three maps", evidence=[('"三张导图"', 2)])
F("lists-3", "3", "xsd:integer", unit=("项", "lists"), counts=("清单", "lists"),
  of=["three-lists"], zh="三项清单", en="three lists", evidence=[('"三项清单"', 5)])
F("pairs-5", "5", "xsd:integer", unit=("对", "pairs"),
  counts=("“共”与“联”的组合", "pairs of a 'joint' and a 'linked' practice"),
  of=["wugong-wulian-method"], zh="五共五联", en="five pairs",
  evidence=[('"五共五联"工作法', 3)])


# -- additions from the line-by-line re-read -------------------------------------------------
R("whole-area-party-building", HAS, "overall-coordination", ("更加注重全面统筹", 1))
R("whole-area-party-building", SERVES, "overall-effect", ("更加注重整体效应", 1))
for programme, quote in [
    ("one-core-two-wings", '"一心两翼多点"城市空间布 局'),
    ("exquisite-lanzhou", "精致兰州建设"),
    ("yellow-river-article", "精心做 好黄河文章,城市形象品位得 到明显提升"),
]:
    R(programme, SERVES, "city-image", (quote, 1), ("城市形象品位得 到明显提升", 1))
R("resource-sharing", HAS, "resource-mobilisation", ("最大限度调动各类行政资源", 5))
for activity in ("joint-theme-party-days", "joint-party-lectures", "joint-theory-study"):
    R(activity, SERVES, "party-spirit", ("在广泛互动中增强 党性修养、坚定理想信念", 6))
R("whole-area-party-building", SERVES, "party-organizational-strengths",
  ("更加充分地发挥党的组织优势", 1))
R("whole-area-party-building", HAS, "integrated-planning", ("一体谋划、一 体推动", 1))
R("party-building-responsibility-system", HAS, "primary-responsibility",
  ("紧紧扭住党建工作责任制", 2), ("打通主体责任和工作落实的最后一公里", 2))
# fmt: on

# ======================================================================================
# Article, sections, rendering
# ======================================================================================
GROUP_HEADINGS = {
    "person": "People",
    "document": "Documents",
    "place": "Places",
    "level": "Administrative levels",
    "role": "Roles, functions and positions",
    "formal": "Organizations and bodies",
    "org": "Organizations and bodies",
    "unit": "Organizations and bodies",
    "initiative": "Initiatives and strategies",
    "mechanism": "Mechanisms, methods and systems",
    "goal": "Goals",
    "honour": "Honours",
    "problem": "Problems",
    "event": "Events",
}


ARTICLE_LABEL_ZH = "全域党建引领全域治理(李荣灿,2021年1月4日B1版)"
ARTICLE_LABEL_EN = (
    "Whole-area Party building leading whole-area governance (Li Rongcan, 2021-01-04, p. B1)"
)
ARTICLE_DESCRIPTION = (
    "Signed article by Li Rongcan, Secretary of the Lanzhou Municipal Party Committee, on "
    "city-wide Party building in Lanzhou; printed on page B1 in the 'Secretaries at the "
    "Helm' column of a newspaper's urban Party-building weekly (the newspaper is not named "
    "in the OCR text), Monday 4 January 2021; page editor Meng Hang, art editor Guo "
    "Jiahui. The text is OCR with errors and continues on page B2 (下转B2版), which is not "
    "part of this graph."
)
DATE_CORRECTION = (
    "星期 -",
    "星期一",
    "Banner date: the weekday 一 (Monday) was read as a hyphen; 4 January 2021 was a Monday.",
)


def _header() -> list[str]:
    links = "\n".join(f"    {pred} lz:{obj} ;" for pred, obj, _ in ARTICLE_LINKS)
    ocr, corrected, comment = DATE_CORRECTION
    article = f"""lz:article a kgx:Article, schema:NewsArticle ;
    dcterms:title {lit(ARTICLE_TITLE_ZH, "zh")},
        {lit(ARTICLE_TITLE_EN, "en")} ;
    skos:prefLabel {lit(ARTICLE_LABEL_ZH, "zh")},
        {lit(ARTICLE_LABEL_EN, "en")} ;
{links}
    dcterms:date "2021-01-04"^^xsd:date ;
    schema:pagination "B1" ;
    dcterms:language "zh" ;
    dcterms:source "../shared/source/000_77d3a71f4cfa9fbc.txt" ;
    dcterms:description {lit(ARTICLE_DESCRIPTION, "en")} ;
    kgx:ocrCorrection [ kgx:ocrText {lit(ocr, "zh")} ; kgx:correctedText {lit(corrected, "zh")} ;
        rdfs:comment {lit(comment, "en")} ] .
"""
    blocks = [article]
    for number, zh, en, parent in SECTIONS:
        part_of = f"\n    dcterms:isPartOf lz:section-{parent} ;" if parent is not None else ""
        blocks.append(
            f"lz:section-{number} a kgx:ArticleSection ;\n"
            f"    rdfs:label {lit(zh, 'zh')}, {lit(en, 'en')} ;\n"
            f"    skos:prefLabel {lit(zh, 'zh')}, {lit(en, 'en')} ;{part_of}\n"
            f"    kgx:order {number} ;\n    kgx:sourceArticle lz:article .\n"
        )
    return blocks


def render() -> str:
    """The whole article graph as Turtle text."""
    kg.header = _header()
    groups: dict[str, list[str]] = {}
    for slug, entity in kg.entities.items():
        groups.setdefault(GROUP_HEADINGS[entity.kind], []).append(slug)
    order = list(dict.fromkeys(GROUP_HEADINGS.values()))
    return kg.render(
        "Knowledge graph of 全域党建引领全域治理 (Li Rongcan, 2021-01-04, page B1)",
        [(heading, groups[heading]) for heading in order if heading in groups],
    )
