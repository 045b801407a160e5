// The funnel page: reads the projector's REST API (the same figures Grafana reads) and draws them.
"use strict";

const STAGE_NAMES = {
  LEAD_CAPTURED: "Lead captured",
  NURTURING: "Nurturing",
  MQL: "MQL",
  IS_CONTACT: "IS contact",
  TOSSED_UP: "Toss-up",
  VALID_OPPORTUNITY: "Valid opportunity",
  WON: "Won",
  ONBOARDED: "Onboarded",
  RENEWED_OR_EXPANDED: "Renewed / expanded",
  ADVOCATE: "Advocate",
};

const money = (value) => (value === null || value === undefined ? "–" : Number(value).toLocaleString("en"));

const percent = (rate) => (rate === null || rate === undefined ? "–" : (rate * 100).toFixed(1) + "%");
const hours = (value) => (value === null || value === undefined ? "–" : String(value));

function query() {
  const form = new FormData(document.getElementById("window"));
  const params = new URLSearchParams(window.location.search);
  const from = form.get("from") || params.get("from");
  const to = form.get("to") || params.get("to");
  const asOf = form.get("asOf") || params.get("asOf");
  const out = new URLSearchParams();
  if (from) out.set("from", from.length === 10 ? from + "T00:00:00Z" : from);
  if (to) out.set("to", to.length === 10 ? to + "T00:00:00Z" : to);
  if (asOf) out.set("asOf", asOf.endsWith("Z") ? asOf : new Date(asOf).toISOString());
  return out.toString();
}

// The API needs a bearer token (any role reads). It comes in the URL fragment (#token=..., never
// sent to a server) or the form, and is kept for this tab only.
function token() {
  const fragment = new URLSearchParams(window.location.hash.slice(1));
  if (fragment.get("token")) {
    sessionStorage.setItem("themodel.token", fragment.get("token"));
    history.replaceState(null, "", window.location.pathname + window.location.search);
  }
  return sessionStorage.getItem("themodel.token");
}

async function load(path) {
  const bearer = token();
  if (!bearer) {
    throw new Error("a bearer token is needed: paste one above (./themodel token analyst prints one)");
  }
  const response = await fetch(path, { headers: { Authorization: "Bearer " + bearer } });
  const body = await response.json();
  if (!response.ok) {
    throw new Error(body.detail || response.statusText);
  }
  return body;
}

function row(cells, attributes) {
  const tr = document.createElement("tr");
  Object.entries(attributes || {}).forEach(([name, value]) => tr.setAttribute(name, value));
  cells.forEach((cell) => {
    const td = document.createElement("td");
    td.textContent = cell;
    tr.appendChild(td);
  });
  return tr;
}

function drawFunnel(funnel) {
  const body = document.querySelector("#funnel-table tbody");
  body.replaceChildren(
    ...funnel.stages.map((s) =>
      row(
        [STAGE_NAMES[s.stage] || s.stage, s.reached, s.convertedToNext, percent(s.conversionRate),
          hours(s.medianHoursInStage), hours(s.p90HoursInStage)],
        { "data-stage": s.stage, "data-reached": s.reached },
      ),
    ),
  );
  echarts.init(document.getElementById("funnel-chart")).setOption({
    tooltip: { trigger: "item" },
    series: [{
      type: "funnel",
      sort: "none",
      minSize: "8%",
      label: { formatter: (p) => `${p.name}: ${p.value}` },
      data: funnel.stages.map((s) => ({ name: STAGE_NAMES[s.stage] || s.stage, value: s.reached })),
    }],
  });
}

function drawRecycle(recycle) {
  const flows = recycle.flows.map((f) => ({ name: "Recycle " + f.kind, ...f.reconversion, reasons: f.reasons }));
  flows.push({ name: "Fresh leads", ...recycle.freshLeads, reasons: {} });
  document.querySelector("#recycle-table tbody").replaceChildren(
    ...flows.map((f) =>
      row([f.name, f.leads, percent(f.toMql), percent(f.toTossUp), percent(f.toWon),
        Object.entries(f.reasons).map(([reason, n]) => `${reason} (${n})`).join(", ")]),
    ),
  );
  echarts.init(document.getElementById("recycle-chart")).setOption({
    tooltip: {},
    legend: {},
    xAxis: { type: "category", data: flows.map((f) => f.name) },
    yAxis: { type: "value", axisLabel: { formatter: (v) => v * 100 + "%" } },
    series: ["toMql", "toTossUp", "toWon"].map((key) => ({
      name: { toMql: "→ MQL", toTossUp: "→ toss-up", toWon: "→ won" }[key],
      type: "bar",
      data: flows.map((f) => f[key] || 0),
    })),
  });
}

/** The KGI period: the form's, else the quarter (UTC) of asOf or of now. */
function period() {
  const chosen = new FormData(document.getElementById("window")).get("period")
    || new URLSearchParams(window.location.search).get("period");
  if (chosen) return chosen;
  const asOf = new URLSearchParams(query()).get("asOf");
  const at = asOf ? new Date(asOf) : new Date();
  return `${at.getUTCFullYear()}-Q${Math.floor(at.getUTCMonth() / 3) + 1}`;
}

function drawKgi(kgi) {
  const periods = [kgi.total, ...kgi.months];
  document.querySelector("#kgi-table tbody").replaceChildren(
    ...periods.map((p) =>
      row(
        [p.period, money(p.target), money(p.actual), money(p.weightedPipeline), money(p.forecast),
          money(p.gap), percent(p.attainment)],
        { "data-period": p.period, "data-target": p.target ?? "", "data-actual": p.actual },
      ),
    ),
  );
  const months = kgi.months.length ? kgi.months : [kgi.total];
  echarts.init(document.getElementById("kgi-chart")).setOption({
    tooltip: {},
    legend: {},
    xAxis: { type: "category", data: months.map((m) => m.period) },
    yAxis: { type: "value" },
    series: [
      { name: "Target", type: "bar", data: months.map((m) => m.target || 0) },
      { name: "Won", type: "bar", data: months.map((m) => m.actual) },
      { name: "Forecast", type: "line", data: months.map((m) => m.forecast) },
    ],
  });
}

function drawFeedback(loop) {
  document.querySelector("#feedback-table tbody").replaceChildren(
    ...loop.directions.map((d) =>
      row(
        [`${d.from} → ${d.to}`, d.given, `${d.acknowledged} (${percent(d.shareAcknowledged)})`,
          `${d.actedOn} (${percent(d.shareActedOn)})`, hours(d.medianHoursToAcknowledge)],
        { "data-direction": `${d.from}:${d.to}`, "data-given": d.given },
      ),
    ),
  );
  const rejections = loop.tossUpRejections;
  document.getElementById("rejections").textContent = rejections.total === 0
    ? "No toss-up rejected in the window."
    : `Toss-ups rejected by Field Sales: ${rejections.total} (`
      + Object.entries(rejections.reasons).map(([r, n]) => `${r}: ${n}`).join(", ") + ").";
}

function drawBalances(balances) {
  document.querySelector("#balance-table tbody").replaceChildren(
    ...balances.balances.map((b) =>
      row([STAGE_NAMES[b.state] || "Left the funnel", b.atStart, b.in, b.out, b.atEnd],
        { "data-state": b.state, "data-at-end": b.atEnd }),
    ),
  );
}

function drawCohorts(cohorts) {
  const stages = Object.keys(STAGE_NAMES);
  const head = document.querySelector("#cohort-table thead");
  head.replaceChildren(row(["Source", ...stages.map((s) => STAGE_NAMES[s])]));
  document.querySelector("#cohort-table tbody").replaceChildren(
    ...cohorts.cohorts.map((c) => row([c.cohort, ...stages.map((s) => c.stages[s])])),
  );
}

async function refresh(event) {
  if (event) event.preventDefault();
  const status = document.getElementById("status");
  const q = query();
  try {
    const asOf = new URLSearchParams(q).get("asOf");
    const [funnel, recycle, cohorts, kgi, loop, balances] = await Promise.all([
      load("funnel?" + q),
      load("recycle?" + q),
      load("funnel/cohorts?by=SOURCE&" + q),
      load("kgi?period=" + encodeURIComponent(period()) + (asOf ? "&asOf=" + encodeURIComponent(asOf) : "")),
      load("feedback-loop?" + q),
      load("funnel/balances?" + q),
    ]);
    drawFunnel(funnel);
    drawRecycle(recycle);
    drawKgi(kgi);
    drawFeedback(loop);
    drawBalances(balances);
    drawCohorts(cohorts);
    status.className = "";
    status.textContent = `As of ${funnel.asOf}, journeys that reached a stage between ${funnel.from} and ${funnel.to}.`;
    document.body.dataset.loaded = "true";
  } catch (error) {
    status.className = "error";
    status.textContent = "Could not load the funnel: " + error.message;
  }
}

document.getElementById("window").addEventListener("submit", refresh);
document.getElementById("sign-in").addEventListener("submit", (event) => {
  const field = new FormData(event.target).get("token");
  if (field) sessionStorage.setItem("themodel.token", field.trim());
  event.target.reset();
  refresh(event);
});
refresh();
