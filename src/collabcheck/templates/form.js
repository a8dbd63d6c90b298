// The offline form's only script. It reads everything it needs from the page (data-* attributes
// written by collabcheck), so it is the same text for every checklist and the page's
// Content-Security-Policy names it by one hash. It makes no request: answers are kept in this
// browser's IndexedDB (localStorage on a file:// page was sometimes lost over a reload) and
// leave only as the file that "Save my answers" downloads.
(function () {
  "use strict";
  var form = document.getElementById("form");
  var checklist = form.getAttribute("data-checklist");
  var version = form.getAttribute("data-version");
  var storeKey = [checklist, version];
  var questions = Array.prototype.slice.call(form.querySelectorAll("fieldset.question"));
  var byId = {};
  questions.forEach(function (fieldset) { byId[fieldset.getAttribute("data-id")] = fieldset; });
  var metaFields = ["organisation", "respondent", "role"];
  // A staged checklist: the stage reached decides which sections are asked (see Stages).
  var sections = Array.prototype.slice.call(form.querySelectorAll("section[data-section]"));
  var stageInputs = Array.prototype.slice.call(form.querySelectorAll('input[name="stage"]'));
  var staged = stageInputs.length > 0;
  var progress = document.getElementById("progress");
  var kept = document.getElementById("kept");
  var saved = document.getElementById("saved");
  var db = null;
  var loaded = false;

  function answerOf(fieldset) {
    var kind = fieldset.getAttribute("data-kind");
    if (kind === "text") {
      var text = fieldset.querySelector("textarea.answer").value.trim();
      return text === "" ? null : text;
    }
    var ticked = Array.prototype.slice.call(fieldset.querySelectorAll("input:checked"));
    var keys = ticked.map(function (input) { return input.value; });
    if (fieldset.getAttribute("data-multiple") === "true") {
      return keys.length ? keys : null;
    }
    return keys.length ? keys[0] : null;
  }

  function noteOf(fieldset) {
    var note = fieldset.querySelector("textarea.note");
    var text = note ? note.value.trim() : "";
    return text === "" ? null : text;
  }

  function stageOf() {
    var ticked = stageInputs.filter(function (input) { return input.checked; });
    return ticked.length ? ticked[0].value : null;
  }

  // The sections reached: at a stage, it and every section before it, and those that run
  // throughout; with no stage given, every section.
  function reachedSections() {
    var stage = stageOf();
    var reached = {};
    var past = false;
    sections.forEach(function (section) {
      var id = section.getAttribute("data-section");
      var step = section.getAttribute("data-step") === "true";
      reached[id] = stage === null || !step || !past;
      if (id === stage) { past = true; }
    });
    return reached;
  }

  function collect() {
    var state = { answers: {}, stage: stageOf() };
    metaFields.forEach(function (name) { state[name] = document.getElementById(name).value; });
    questions.forEach(function (fieldset) {
      var answer = answerOf(fieldset);
      var note = noteOf(fieldset);
      if (answer !== null || note !== null) {
        state.answers[fieldset.getAttribute("data-id")] = { answer: answer, note: note };
      }
    });
    return state;
  }

  function apply(state) {
    metaFields.forEach(function (name) {
      if (typeof state[name] === "string") { document.getElementById(name).value = state[name]; }
    });
    stageInputs.forEach(function (input) { input.checked = input.value === state.stage; });
    var answers = state.answers || {};
    Object.keys(answers).forEach(function (id) {
      var fieldset = byId[id];
      var given = answers[id];
      if (!fieldset || !given) { return; }
      if (fieldset.getAttribute("data-kind") === "text") {
        fieldset.querySelector("textarea.answer").value = given.answer || "";
      } else {
        var keys = [].concat(given.answer || []);
        fieldset.querySelectorAll("input").forEach(function (input) {
          input.checked = keys.indexOf(input.value) !== -1;
        });
      }
      var note = fieldset.querySelector("textarea.note");
      if (note) { note.value = given.note || ""; }
    });
  }

  // A question is shown when it has no condition, or when the earlier question it depends on
  // is shown and answered with one of the listed keys (as the terminal run asks).
  function shownIds() {
    var shown = {};
    var reached = reachedSections();
    sections.forEach(function (section) {
      section.hidden = !reached[section.getAttribute("data-section")];
    });
    questions.forEach(function (fieldset) {
      var id = fieldset.getAttribute("data-id");
      var on = fieldset.getAttribute("data-when");
      // A full id is SECTION.QUESTION, and a section id has no dot.
      if (!reached[id.slice(0, id.indexOf("."))]) { shown[id] = false; return; }
      if (!on) { shown[id] = true; return; }
      var wanted = JSON.parse(fieldset.getAttribute("data-when-answers"));
      var earlier = byId[on];
      var given = earlier && shown[on] ? [].concat(answerOf(earlier) || []) : [];
      shown[id] = given.some(function (key) { return wanted.indexOf(key) !== -1; });
    });
    return shown;
  }

  function update() {
    var shown = shownIds();
    var total = 0;
    var answered = 0;
    questions.forEach(function (fieldset) {
      var visible = shown[fieldset.getAttribute("data-id")];
      fieldset.hidden = !visible;
      if (visible) {
        total += 1;
        if (answerOf(fieldset) !== null) { answered += 1; }
      }
    });
    progress.textContent = answered + " of " + total + " answered";
    return shown;
  }

  function clock() {
    var now = new Date();
    return [now.getHours(), now.getMinutes(), now.getSeconds()].map(function (n) {
      return (n < 10 ? "0" : "") + n;
    }).join(":");
  }

  // "Kept" is said only once every change so far is written: until then, "Keeping".
  var pending = 0;

  function keep() {
    if (!db || !loaded) { return; }
    var state = collect();
    state.updated_at = new Date().toISOString();
    var tx = db.transaction("answers", "readwrite");
    tx.objectStore("answers").put(state, storeKey);
    pending += 1;
    kept.textContent = "Keeping your answers in this browser\u2026";
    tx.oncomplete = function () {
      pending -= 1;
      if (pending === 0) { kept.textContent = "Kept in this browser at " + clock() + "."; }
    };
    tx.onabort = function () { // after an error, too
      pending -= 1;
      kept.textContent = "Could not keep your answers in this browser: save them with " +
        "\u201cSave my answers\u201d before you close the page.";
    };
  }

  function changed() {
    update();
    keep();
    saved.textContent = "";
  }

  // The answers file: the answers-file format, with version and completed_at added. Answers to
  // questions hidden by their condition are kept in the browser but not saved, as a run
  // records them as not asked.
  function answersFile() {
    var state = collect();
    var shown = update();
    var answers = {};
    Object.keys(state.answers).forEach(function (id) {
      if (shown[id]) { answers[id] = state.answers[id]; }
    });
    var file = { checklist: checklist, version: version };
    if (staged) { file.stage = state.stage; }
    metaFields.forEach(function (name) {
      var value = state[name].trim();
      file[name] = value === "" ? null : value;
    });
    file.completed_at = localTimestamp(new Date());
    file.answers = answers;
    return file;
  }

  function pad(n) { return (n < 10 ? "0" : "") + n; }

  function localTimestamp(date) {
    var offset = -date.getTimezoneOffset();
    var sign = offset >= 0 ? "+" : "-";
    offset = Math.abs(offset);
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate()) +
      "T" + pad(date.getHours()) + ":" + pad(date.getMinutes()) + ":" + pad(date.getSeconds()) +
      sign + pad(Math.floor(offset / 60)) + ":" + pad(offset % 60);
  }

  function slug(text) {
    return text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase()
      .replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
  }

  function saveFile() {
    var file = answersFile();
    var name = slug(file.respondent || "");
    var filename = checklist + "-answers-" + (name ? name + "-" : "") +
      file.completed_at.slice(0, 10) + ".json";
    var blob = new Blob([JSON.stringify(file, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = filename;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(function () { URL.revokeObjectURL(link.href); }, 10000);
    saved.textContent = "Saved " + filename + " to your downloads. Send that file to the person " +
      "who asked you to fill in this form.";
  }

  function clearAnswers() {
    form.reset();
    metaFields.forEach(function (name) { document.getElementById(name).value = ""; });
    update();
    saved.textContent = "";
    if (!db) { kept.textContent = "Your answers are cleared."; return; }
    var tx = db.transaction("answers", "readwrite");
    tx.objectStore("answers").delete(storeKey);
    tx.oncomplete = function () { kept.textContent = "Your answers are cleared from this browser."; };
  }

  var confirmBox = document.getElementById("confirm-clear");
  document.getElementById("clear").addEventListener("click", function () {
    confirmBox.hidden = false;
    document.getElementById("clear-yes").focus();
  });
  document.getElementById("clear-yes").addEventListener("click", function () {
    confirmBox.hidden = true;
    clearAnswers();
    document.getElementById("clear").focus();
  });
  document.getElementById("clear-no").addEventListener("click", function () {
    confirmBox.hidden = true;
    document.getElementById("clear").focus();
  });
  document.getElementById("save").addEventListener("click", saveFile);
  // Enter in a one-line field would submit the form (and reload the page): nothing is sent.
  form.addEventListener("submit", function (event) { event.preventDefault(); });
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  document.addEventListener("visibilitychange", keep);
  window.addEventListener("pagehide", keep);

  function unkept() {
    loaded = true;
    form.setAttribute("data-ready", "true");
    kept.textContent = "This browser will not keep your answers: save them with \u201cSave my " +
      "answers\u201d before you close the page.";
  }

  update();
  var request;
  try {
    request = window.indexedDB.open("collabcheck-form", 1);
  } catch (error) {
    unkept();
    return;
  }
  request.onupgradeneeded = function () { request.result.createObjectStore("answers"); };
  request.onerror = unkept;
  request.onsuccess = function () {
    db = request.result;
    // Another copy of the page may need the database upgraded one day: let it.
    db.onversionchange = function () { db.close(); db = null; };
    var get = db.transaction("answers", "readonly").objectStore("answers").get(storeKey);
    get.onsuccess = function () {
      if (get.result) {
        apply(get.result);
        kept.textContent = "Your earlier answers are back: they were kept in this browser.";
      }
      loaded = true;
      update();
      form.setAttribute("data-ready", "true");
    };
    get.onerror = unkept;
  };
}());
