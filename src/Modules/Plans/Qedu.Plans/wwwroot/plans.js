// The plan import page: sends the chosen document as the request body (a cross-site form cannot send this media
// type, so no antiforgery token is needed), then opens the draft for review, or shows why it was refused.
// Plain script: the pages are server-rendered without interactivity.
const docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

async function upload(event) {
  event.preventDefault();
  const form = event.target;
  const file = form.querySelector("input[type=file]").files[0];
  const result = document.getElementById("plan-import-result");
  const button = form.querySelector("button[type=submit]");
  if (!file) {
    return;
  }
  result.replaceChildren();
  button.disabled = true;
  form.querySelector("[data-testid=plan-import-status]").textContent = form.dataset.uploading;
  try {
    const params = new URLSearchParams({ fileName: file.name });
    const org = form.querySelector("[name=org]");
    if (org && org.value) {
      params.set("org", org.value);
    }
    const media = file.name.toLowerCase().endsWith(".docx") ? docx : "application/octet-stream";
    const response = await fetch(`/api/plans/import?${params}`, {
      method: "POST",
      // Messages in the page's language: an API call otherwise follows the browser's, which the interface does not.
      headers: { "Content-Type": media, "Accept": "application/json", "Accept-Language": document.documentElement.lang || "zh-CN" },
      body: file,
    });
    if (response.status === 201) {
      const body = await response.json();
      window.location.assign(`/plans/${body.id}`);
      return;
    }
    const problem = await response.json().catch(() => ({}));
    const messages = problem.errors ? Object.values(problem.errors).flat() : [problem.detail || problem.title || response.statusText];
    const alert = document.createElement("div");
    alert.className = "alert alert-error";
    alert.setAttribute("data-testid", "plan-import-error");
    alert.textContent = messages.join(" ");
    result.appendChild(alert);
  } finally {
    button.disabled = false;
    form.querySelector("[data-testid=plan-import-status]").textContent = "";
  }
}

// Binds to the page's form when it is on the page: at load, and after each enhanced navigation (which runs no scripts).
function bind() {
  const form = document.getElementById("plan-import");
  if (form && !form.dataset.bound) {
    form.dataset.bound = "true";
    form.addEventListener("submit", upload);
  }
}

bind();
window.Blazor?.addEventListener("enhancedload", bind);
