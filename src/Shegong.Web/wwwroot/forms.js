// Enter inside a picker (date, select, cascader, number) confirms the picker; it must never submit the form
// around it (Enter in 入职日期 once saved a half-filled social worker).
document.addEventListener("keydown", function (e) {
    if (e.key !== "Enter" || !(e.target instanceof Element)
        || !e.target.closest(".ant-picker, .ant-select, .ant-cascader-picker, .ant-input-number, .region-cascader")) {
        return;
    }
    // A plain text box in a picker (the region search) commits its text on Enter with a change event, which is
    // part of the default action prevented below: send it first, so the search sees what was typed.
    if (e.target instanceof HTMLInputElement && e.target.type === "text" && !e.target.closest(".ant-select, .ant-picker")) {
        e.target.dispatchEvent(new Event("change", { bubbles: true }));
    }
    e.preventDefault();
}, true);
