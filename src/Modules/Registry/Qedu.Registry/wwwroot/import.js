// The registry import page: upload the file (XHR, for upload progress), start a background import, poll it for the
// progress bar, then show the outcome and the problems. Plain script: the page is server-rendered without interactivity.
let form, result, text, bar, status;
const mediaTypes = { csv: "text/csv", xlsx: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" };
const shownErrors = 200;

function show(fraction, message) {
  form.querySelector(".import-progress").hidden = false;
  bar.value = fraction;
  status.textContent = message;
}

function cell(row, value) {
  const td = document.createElement("td");
  td.textContent = value ?? "";
  row.appendChild(td);
}

// Rows passed over on purpose (a template's example row), in the caller's language.
function notices(report) {
  if (!report.notices || report.notices.length === 0) {
    return;
  }
  const list = document.createElement("ul");
  list.className = "hint";
  list.setAttribute("data-testid", "import-notices");
  for (const n of report.notices) {
    const item = document.createElement("li");
    item.textContent = n.message;
    list.appendChild(item);
  }
  result.appendChild(list);
}

function render(job) {
  result.replaceChildren();
  const alert = document.createElement("div");
  const report = job.report;
  if (report && report.ok) {
    alert.className = "alert alert-success";
    const written = Object.entries(report.written).map(([kind, n]) => `${kind} ${n}`).join("，");
    alert.textContent = report.dryRun ? text.dryDone : `${text.done} ${written}`;
    result.appendChild(alert);
    notices(report);
    return;
  }
  alert.className = "alert alert-error";
  alert.textContent = report ? text.refused.replace("{0}", report.errorCount) : `${text.failed} ${job.failure ?? ""}`;
  result.appendChild(alert);
  if (!report) {
    return;
  }
  notices(report);
  const link = document.createElement("a");
  link.className = "button secondary";
  link.href = `/api/registry/import-jobs/${job.id}/report.xlsx`;
  link.textContent = text.download;
  link.setAttribute("data-testid", "import-report-download");
  result.appendChild(link);
  const table = document.createElement("table");
  table.className = "data";
  table.setAttribute("data-testid", "import-errors");
  const head = table.createTHead().insertRow();
  for (const h of [text.file, text.row, text.column, text.value, text.message]) {
    const th = document.createElement("th");
    th.textContent = h;
    head.appendChild(th);
  }
  const body = table.createTBody();
  for (const e of report.errors.slice(0, shownErrors)) {
    const row = body.insertRow();
    for (const v of [e.file, e.row, e.column, e.value, e.message]) {
      cell(row, v);
    }
  }
  const wrap = document.createElement("div");
  wrap.className = "table-wrap";
  wrap.appendChild(table);
  result.appendChild(wrap);
  if (report.errorCount > shownErrors) {
    const more = document.createElement("p");
    more.className = "hint";
    more.textContent = text.more.replace("{0}", report.errorCount - shownErrors);
    result.appendChild(more);
  }
}

async function watch(id) {
  for (;;) {
    const response = await fetch(`/api/registry/import-jobs/${id}`, { headers: { Accept: "application/json", "Accept-Language": pageLanguage() } });
    const job = await response.json();
    if (!response.ok) {
      render({ failure: job.detail });
      return;
    }
    const phase = job.phase === "write" ? text.writing : text.validating;
    show(job.fraction, `${phase} ${text.rows.replace("{0}", job.rows.toLocaleString())}`);
    if (job.done) {
      show(1, job.report && job.report.ok ? text.done : text.refused.replace("{0}", job.report ? job.report.errorCount : "?"));
      render(job);
      return;
    }
    await new Promise(resolve => setTimeout(resolve, 400));
  }
}

function pageLanguage() {
  return document.documentElement.lang || "zh-CN";
}

function submit(event) {
  event.preventDefault();
  const file = form.elements.file.files[0];
  if (!file) {
    return;
  }
  const extension = file.name.split(".").pop().toLowerCase();
  const query = new URLSearchParams({ background: "true", fileName: file.name, dryRun: form.elements.dryRun.checked ? "true" : "false" });
  const request = new XMLHttpRequest();
  request.open("POST", `/api/registry/import/${form.elements.kind.value}?${query}`);
  request.setRequestHeader("Content-Type", mediaTypes[extension] ?? file.type ?? "application/octet-stream");
  request.setRequestHeader("Accept", "application/json");
  // The report's messages in the page's language: an API call otherwise follows the browser's, which the interface does not.
  request.setRequestHeader("Accept-Language", pageLanguage());
  request.upload.onprogress = e => e.lengthComputable && show(0, `${text.uploading} ${Math.round((100 * e.loaded) / e.total)}%`);
  request.onload = () => {
    let body = {};
    try {
      body = JSON.parse(request.responseText);
    } catch {
      // not JSON: shown as a failure below
    }
    if (request.status === 202) {
      watch(body.id);
    } else {
      show(0, "");
      render({ failure: body.detail ?? request.statusText });
    }
  };
  request.onerror = () => render({ failure: request.statusText });
  show(0, text.uploading);
  request.send(file);
}

// Binds to the page's form when it is on the page: at load, and after each enhanced navigation (which runs no scripts).
function bind() {
  const found = document.getElementById("registry-import");
  if (!found || found.dataset.bound) {
    return;
  }
  form = found;
  form.dataset.bound = "true";
  result = document.getElementById("registry-import-result");
  text = form.dataset;
  bar = form.querySelector("progress");
  status = form.querySelector("[data-testid=import-status]");
  form.addEventListener("submit", submit);
}

bind();
window.Blazor?.addEventListener("enhancedload", bind);
