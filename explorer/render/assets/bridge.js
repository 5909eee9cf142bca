// The graph page's side of the bridge. It talks to Python only through the one
// QObject registered as "bridge" (a JSON string slot, `send`), and Python calls
// only the functions on `window.kg`, after the page has said "ready".
// Data from the file is text: labels go to the canvas, tooltips are DOM nodes
// filled with textContent. Nothing here ever assigns innerHTML.
(function () {
  "use strict";

  function readJSON(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  function tipElement(text) {
    const div = document.createElement("div");
    div.className = "kg-tip";
    div.textContent = String(text);
    return div;
  }

  // vis-network shows a string title as text, but an element we build is never parsed.
  function withTips(items) {
    return items.map(function (item) {
      const copy = Object.assign({}, item);
      if (typeof copy.tip === "string" && copy.tip) {
        copy.title = tipElement(copy.tip);
      }
      delete copy.tip;
      return copy;
    });
  }

  // The app hands its first view over before this runs (window.kgInitial); an exported
  // page carries its data inline.
  const initial = window.kgInitial || null;
  const data = initial || readJSON("kg-data");
  const options = readJSON("kg-options");
  const nodes = new vis.DataSet(withTips(data.nodes));
  const edges = new vis.DataSet(withTips(data.edges));
  const container = document.getElementById("network");
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, options);

  let bridge = null;
  const outbox = [];
  let wantDrawn = true;
  let justFit = false; // a new view was just fitted: centring keeps that zoom

  function send(message) {
    const raw = JSON.stringify(message);
    if (bridge) {
      bridge.send(raw);
    } else {
      outbox.push(raw);
    }
  }

  network.on("afterDrawing", function () {
    if (wantDrawn) {
      wantDrawn = false;
      send({ type: "drawn" });
    }
  });

  function firstNode(params) {
    return params && params.nodes && params.nodes.length ? String(params.nodes[0]) : null;
  }

  // A tooltip left open over a node that a new view removed would linger: close it.
  function hideTip() {
    const handler = network.interactionHandler;
    if (handler && handler.popup) {
      handler.popup.hide();
    }
  }

  const kg = {
    network: network,
    nodes: nodes,
    edges: edges,
    clicks: 0,

    // The page's own handlers (tests run them to deliver a click through the bridge).
    onClick: function (params) {
      const id = firstNode(params);
      kg.clicks += 1;
      if (id !== null && nodes.get(id)) {
        send({ type: "click", id: id });
      }
    },
    onDoubleClick: function (params) {
      const id = firstNode(params);
      if (id !== null && nodes.get(id)) {
        send({ type: "expand", id: id });
      }
    },

    // --- called from Python --------------------------------------------------
    setData: function (payload, fit) {
      hideTip();
      wantDrawn = true;
      nodes.clear();
      edges.clear();
      nodes.add(withTips(payload.nodes));
      edges.add(withTips(payload.edges));
      if (fit) {
        network.fit({ animation: false });
        justFit = true;
      }
      network.redraw();
    },
    addData: function (payload) {
      wantDrawn = true;
      nodes.update(withTips(payload.nodes));
      edges.update(withTips(payload.edges));
      network.redraw();
    },
    select: function (id, centre) {
      if (id === null || !nodes.get(id)) {
        network.unselectAll();
        return false;
      }
      network.selectNodes([id], true);
      if (centre) {
        const scale = justFit ? network.getScale() : Math.max(network.getScale(), 0.75);
        network.focus(id, { scale: scale, animation: false });
      }
      justFit = false;
      wantDrawn = true;
      network.redraw();
      return true;
    },
    selected: function () {
      return JSON.stringify(network.getSelectedNodes());
    },
    setEdgeLabels: function (shown) {
      network.setOptions({ edges: { font: { size: shown ? 11 : 0 } } });
    },
    fit: function () {
      network.fit({ animation: false });
    },
    positions: function () {
      return JSON.stringify(network.getPositions());
    },
    nodeCount: function () {
      return nodes.length;
    },
    // A PNG of the canvas at `scale` times the screen resolution.
    grab: function (scale, transparent) {
      const real = Object.getOwnPropertyDescriptor(window, "devicePixelRatio");
      const base = window.devicePixelRatio || 1;
      Object.defineProperty(window, "devicePixelRatio", {
        configurable: true,
        get: function () {
          return base * scale;
        },
      });
      let url;
      try {
        network.redraw();
        const canvas = container.getElementsByTagName("canvas")[0];
        if (transparent) {
          url = canvas.toDataURL("image/png");
        } else {
          const flat = document.createElement("canvas");
          flat.width = canvas.width;
          flat.height = canvas.height;
          const ctx = flat.getContext("2d");
          ctx.fillStyle = "#ffffff";
          ctx.fillRect(0, 0, flat.width, flat.height);
          ctx.drawImage(canvas, 0, 0);
          url = flat.toDataURL("image/png");
        }
      } finally {
        if (real) {
          Object.defineProperty(window, "devicePixelRatio", real);
        } else {
          delete window.devicePixelRatio;
        }
        network.redraw();
      }
      return url;
    },
  };

  network.on("click", function (params) {
    kg.onClick(params);
  });
  network.on("doubleClick", function (params) {
    kg.onDoubleClick(params);
  });
  window.kg = kg;

  function connect() {
    if (typeof QWebChannel === "undefined" || typeof qt === "undefined" || !qt.webChannelTransport) {
      // Opened outside the app (e.g. exported HTML): the graph works, nobody listens.
      return;
    }
    new QWebChannel(qt.webChannelTransport, function (channel) {
      bridge = channel.objects.bridge;
      bridge.send(JSON.stringify({ type: "ready" }));
      while (outbox.length) {
        bridge.send(outbox.shift());
      }
    });
  }
  connect();
})();
