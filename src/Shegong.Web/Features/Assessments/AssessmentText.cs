namespace Shegong.Web.Features.Assessments;

/// <summary>Marker for the assessment texts: Resources/Features/Assessments/AssessmentText.resx (zh-CN) and .en.resx; enum members as TypeName + Member.</summary>
public sealed class AssessmentText;
