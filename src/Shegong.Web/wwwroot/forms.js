// Enter inside a picker (date, select, cascader, number) confirms the picker; it must never submit the form
// around it (Enter in 入职日期 once saved a half-filled social worker).
document.addEventListener("keydown", function (e) {
    if (e.key === "Enter" && e.target instanceof Element
        && e.target.closest(".ant-picker, .ant-select, .ant-cascader-picker, .ant-input-number, .region-cascader")) {
        e.preventDefault();
    }
}, true);
