// Two stand-ins for what a vdom.app page embeds from the JS world (examples/app-widgets/app.py):
//
// <star-rating value="3" max="5">  a web component (custom element, shadow DOM) that reads its
//     attributes and fires a bubbling "change" CustomEvent with detail {value} when a star is clicked;
// miniChart(element, "3,1,4")      a widget library's function that fills an element it is given
//     with its own DOM (bars), as chart and editor libraries do.
class StarRating extends HTMLElement {
  static get observedAttributes() { return ["value", "max"]; }
  constructor() {
    super();
    this.attachShadow({ mode: "open" });
  }
  connectedCallback() { this.draw(); }
  attributeChangedCallback() { this.draw(); }
  draw() {
    const value = Number(this.getAttribute("value") || 0);
    const max = Number(this.getAttribute("max") || 5);
    const root = this.shadowRoot;
    root.textContent = "";
    for (let i = 1; i <= max; i++) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = i <= value ? "on" : "off";
      b.setAttribute("aria-label", i + " star" + (i > 1 ? "s" : ""));
      b.textContent = i <= value ? "\u2605" : "\u2606";
      b.addEventListener("click", () => {
        this.dispatchEvent(new CustomEvent("change", { detail: { value: i }, bubbles: true }));
      });
      root.append(b);
    }
  }
}
customElements.define("star-rating", StarRating);

window.miniChart = (el, csv) => {
  el.textContent = "";
  const values = String(csv).split(",").filter((s) => s !== "").map(Number);
  const top = Math.max(1, ...values);
  for (const v of values) {
    const bar = document.createElement("div");
    bar.className = "bar";
    bar.style.cssText = "display:inline-block;width:14px;margin-right:3px;background:#4a7;vertical-align:bottom;height:" + Math.round(60 * v / top) + "px";
    bar.title = String(v);
    el.append(bar);
  }
  el.dataset.drawn = String(Number(el.dataset.drawn || 0) + 1);
};
