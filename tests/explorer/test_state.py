"""ExplorerState without Qt: selection, history, views, options and their events."""

import pytest

from explorer.graph import KnowledgeGraph
from explorer.state import ExplorerState, Selection

LZ = "https://w3id.org/kg-explorer/lanzhou/"


@pytest.fixture(scope="module")
def kg(ui_data):
    return KnowledgeGraph.from_file(ui_data / "mini.ttl")


@pytest.fixture
def state(kg):
    return ExplorerState(kg)


def record(emitter):
    seen = []
    emitter.connect(seen.append)
    return seen


def test_select_emits_once_and_ignores_unknown_ids(state):
    seen = record(state.selection_changed)
    assert state.select(LZ + "qilihe-committee")
    assert state.select(LZ + "qilihe-committee")
    assert not state.select(LZ + "nowhere")
    assert seen == [Selection(LZ + "qilihe-committee")]


def test_back_and_forward_walk_the_visited_entities(state):
    for name in ("lanzhou-committee", "qilihe-committee", "xihu-working-committee"):
        state.select(LZ + name)
    state.back()
    assert state.selection.node_id == LZ + "qilihe-committee"
    state.back()
    assert state.selection.node_id == LZ + "lanzhou-committee"
    assert not state.history.can_back
    state.forward()
    assert state.selection.node_id == LZ + "qilihe-committee"
    state.select(LZ + "jianlan-community")
    assert not state.history.can_forward


def test_selecting_outside_the_view_shows_its_neighbourhood(kg):
    state = ExplorerState(kg, whole_cap=3)
    target = LZ + "minqing-assembly-line"
    assert target not in state.view.node_ids
    views = record(state.view_changed)
    state.select(target)
    assert target in state.view.node_ids and views[-1].view.kind == "neighbourhood"


def test_hidden_categories_filter_the_view_and_selection_reveals_them(state):
    state.show_whole()  # the graph opens on its org chart, which has no mechanism
    state.set_category_hidden("mechanism", True)
    assert all(n.category != "mechanism" for n in state.view.nodes)
    state.select(LZ + "wugong-wulian")
    assert LZ + "wugong-wulian" in state.view.node_ids


def test_path_and_expand(state):
    paths = record(state.path_changed)
    path = state.find_path(LZ + "jianlan-community", LZ + "wugong-wulian")
    assert path is not None and path.node_ids[0] == LZ + "jianlan-community"
    assert state.view.kind == "path" and paths == [path]
    changes = record(state.view_changed)
    state.expand(LZ + "lanzhou-committee")
    assert changes[-1].added_only and LZ + "chengguan-committee" in state.view.node_ids


def test_language_and_options(state):
    langs = record(state.lang_changed)
    state.set_lang("en")
    assert langs == ["en"] and state.label(LZ + "lanzhou-committee").startswith("Lanzhou")
    with pytest.raises(ValueError):
        state.set_lang("fr")
    state.set_depth(9)
    assert state.depth == 5


def test_set_graph_starts_fresh(state, kg):
    state.select(LZ + "lanzhou-committee")
    state.set_graph(kg)
    assert state.selection == Selection() and not state.history.can_back


def test_resolve_takes_names_ids_and_search_text(state):
    assert state.resolve("兰州市委") == LZ + "lanzhou-committee"
    assert state.resolve(LZ + "qilihe-committee") == LZ + "qilihe-committee"
    assert state.resolve("wugongwulian") == LZ + "wugong-wulian"
    assert state.resolve("   ") is None


def test_back_restores_the_view_left_and_forward_the_expanded_one(kg):
    from explorer.state import Camera

    state = ExplorerState(kg)
    state.show_neighbourhood(LZ + "lanzhou-committee")
    state.select(LZ + "lanzhou-committee")
    earlier = state.view
    state.set_camera(Camera(1.5, 10.0, 20.0))
    neighbour = LZ + "qilihe-committee"
    state.select(neighbour)
    state.set_camera(Camera(0.4, 0.0, 0.0))
    state.expand(neighbour)
    grown = state.view
    assert len(grown.nodes) > len(earlier.nodes)
    cameras = record(state.camera_restored)
    state.back()
    assert state.selection.node_id == LZ + "lanzhou-committee"
    assert state.view == earlier and cameras == [Camera(1.5, 10.0, 20.0)]
    state.forward()
    assert state.selection.node_id == neighbour and state.view == grown
    assert cameras[-1] == Camera(0.4, 0.0, 0.0)
    snap = state.history.peek(-1).snapshot
    assert snap.kind == "neighbourhood" and snap.centre == LZ + "lanzhou-committee"


def test_fold_takes_out_what_hangs_from_a_node_alone(kg):
    state = ExplorerState(kg)
    state.show_neighbourhood(LZ + "lanzhou-committee")
    neighbour = LZ + "qilihe-committee"
    before = state.view.node_ids
    state.expand(neighbour)
    grown = state.view.node_ids
    assert grown > before
    state.fold(neighbour)
    folded = state.view.node_ids
    assert before <= folded < grown  # only what the expand added, not all of it if linked
    assert neighbour in folded and LZ + "lanzhou-committee" in folded
