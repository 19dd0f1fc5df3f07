// Enter inside a picker (date, select, cascader, number) confirms the picker; it must never submit the form
// around it (Enter in 入职日期 once saved a half-filled social worker).
const pickers = ".ant-picker, .ant-select, .ant-cascader-picker, .ant-input-number, .region-cascader";

// The region search box is a plain text box whose search runs on Enter's keypress (Ant's Search), which a
// prevented keydown would suppress: there only the form submission, a default action of the keypress, is stopped.
function isSearchBox(target) {
    return target instanceof HTMLInputElement && target.type === "text"
        && target.closest(".region-cascader") !== null && target.closest(".ant-select, .ant-picker") === null;
}

document.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target instanceof Element && e.target.closest(pickers) && !isSearchBox(e.target)) {
        e.preventDefault();
    }
}, true);

document.addEventListener("keypress", function (e) {
    if (e.key === "Enter" && isSearchBox(e.target)) {
        e.preventDefault();
    }
}, true);
