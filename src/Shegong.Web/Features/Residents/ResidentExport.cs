using Shegong.Web.Common;
using Shegong.Web.Common.Validation;

namespace Shegong.Web.Features.Residents;

/// <summary>The resident list as an Excel file: masked ID numbers and phones, ages instead of birth dates.</summary>
public static class ResidentExport
{
    public static string Zh(VulnerabilityTag tag) => tag switch
    {
        VulnerabilityTag.ElderlyLivingAlone => "独居老人",
        VulnerabilityTag.LeftBehindElderly => "留守老人",
        VulnerabilityTag.LeftBehindChild => "留守儿童",
        VulnerabilityTag.ChildInDistress => "困境儿童",
        VulnerabilityTag.PersonWithDisability => "残疾人",
        VulnerabilityTag.MinimumLivingAllowance => "低保对象",
        VulnerabilityTag.ExtremePoverty => "特困人员",
        VulnerabilityTag.RelocatedResident => "搬迁群众",
        VulnerabilityTag.SeriouslyIll => "重病患者",
        VulnerabilityTag.VeteranOrMartyrFamily => "优抚对象",
        VulnerabilityTag.SingleParentFamily => "单亲家庭",
        _ => "失业人员",
    };

    public static Task<IResult> StreamAsync(Func<PageRequest, CancellationToken, Task<PagedResult<ResidentRow>>> list, string? sort, string fileName,
        CancellationToken cancellationToken) => ExcelExport.StreamPages(list, sort, fileName, cancellationToken,
        ("编号", r => r.Id),
        ("姓名", r => r.Name),
        ("性别", r => r.Sex == Sex.Male ? "男" : "女"),
        ("年龄", r => r.Age),
        ("身份证号码", r => r.IdNumberMasked),
        ("电话号码", r => r.PhoneMasked),
        ("村（社区）", r => r.VillageName),
        ("区划代码", r => r.RegionCode),
        ("困难群体", r => string.Join("、", r.Tags.Select(Zh))),
        ("知情同意", r => r.HasConsent ? "是" : "否"));
}
