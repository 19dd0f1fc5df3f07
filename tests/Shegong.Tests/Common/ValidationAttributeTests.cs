using Shegong.Tests.Infrastructure;
using Shegong.Web.Common;
using Shegong.Web.Common.Validation;

namespace Shegong.Tests.Common;

/// <summary>UI components that only ask an attribute yes or no get the same verdict, not an exception.</summary>
public class ValidationAttributeTests
{
    [Fact]
    public void The_yes_or_no_question_gets_the_same_answer_as_the_full_check()
    {
        var first17 = "51010519650314123";
        var valid = first17 + CitizenId.CheckCharacterOf(first17);
        var wrong = first17 + (valid[^1] == '0' ? '1' : '0');
        Assert.True(new CitizenIdAttribute().IsValid(valid));
        Assert.False(new CitizenIdAttribute().IsValid(wrong));
        Assert.True(new CitizenIdAttribute().IsValid(null));

        var code = "52510100MJ0000001";
        Assert.True(new CreditCodeAttribute().IsValid(code + CreditCode.CheckCharacterOf(code)));
        Assert.False(new CreditCodeAttribute().IsValid(code + "I"));

        Assert.True(new MobileNumberAttribute().IsValid("13812345678"));
        Assert.False(new MobileNumberAttribute().IsValid("12812345678"));
        // Messages are read in the current UI culture; the test names it rather than trusting the machine's.
        using var chinese = new UiCulture("zh-CN");
        Assert.Contains("身份证号码", new CitizenIdAttribute().FormatErrorMessage("idNumber"));
    }
}
