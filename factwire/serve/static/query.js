// The SQL box: POST /api/query and show the rows (or the error) as a table.
const form = document.getElementById("query-form");
const statusBox = document.getElementById("query-status");
const resultBox = document.getElementById("query-result");

function cell(value) {
  const td = document.createElement("td");
  td.textContent = value === null ? "" : (typeof value === "object" ? JSON.stringify(value) : String(value));
  return td;
}

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  statusBox.className = "";
  statusBox.textContent = "running…";
  resultBox.replaceChildren();
  const response = await fetch("/api/query", {
    method: "POST", headers: {"Content-Type": "application/json"},
    body: JSON.stringify({sql: document.getElementById("sql").value}),
  });
  const data = await response.json();
  if (!response.ok) {
    statusBox.className = "error";
    statusBox.textContent = data.error;
    return;
  }
  const table = document.createElement("table");
  table.className = "grid small";
  table.id = "query-table";
  const head = table.createTHead().insertRow();
  for (const name of data.columns) { const th = document.createElement("th"); th.textContent = name; head.appendChild(th); }
  const body = table.createTBody();
  for (const row of data.rows) { const tr = body.insertRow(); for (const v of row) tr.appendChild(cell(v)); }
  resultBox.appendChild(table);
  statusBox.textContent = `${data.row_count} rows${data.truncated ? ` (cut at ${data.max_rows})` : ""}, ${data.seconds} s`;
});
