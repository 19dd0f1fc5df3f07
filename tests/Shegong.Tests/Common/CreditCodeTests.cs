using Shegong.Tests.Infrastructure;
using Shegong.Web.Common;
using Shegong.Web.Common.Validation;

namespace Shegong.Tests.Common;

public class CreditCodeTests
{
    // Published codes of real organisations, and one checked by hand against the 3^(i−1) mod 31 weights.
    [Theory]
    [InlineData("91350100M000100Y43")]
    [InlineData("91110000802100433B")]
    [InlineData("91440300708461136T")]
    [InlineData("52510100MJ01234569")]
    [InlineData("52510100mj01234569")]
    public void Valid_codes_pass(string code) => Assert.Null(CreditCode.Problem(code));

    [Theory]
    [InlineData("91350100M000100Y44", "校验位")]
    [InlineData("91110000802100433C", "校验位")]
    [InlineData("91350100I000100Y43", "“I”")]
    [InlineData("91350100O000100Y43", "“O”")]
    [InlineData("91350100Z000100Y43", "“Z”")]
    [InlineData("91350100S000100Y43", "“S”")]
    [InlineData("91350100V000100Y43", "“V”")]
    [InlineData("9135010-M000100Y43", "“-”")]
    [InlineData("91AB0100M000100Y43", "第3至8位")]
    [InlineData("91350100M000100Y4", "18位")]
    [InlineData("", "请填写")]
    public void Invalid_codes_say_why(string code, string reason)
    {
        using var chinese = new UiCulture("zh-CN");
        var problem = CreditCode.Problem(code);
        Assert.NotNull(problem);
        Assert.Contains(reason, problem);
    }

    [Fact]
    public void A_wrong_check_character_says_the_code_is_wrong_not_which_character_would_pass()
    {
        using var chinese = new UiCulture("zh-CN");
        Assert.Equal("统一社会信用代码校验位不正确，请核对", CreditCode.Problem("91350100M000100Y44"));
    }

    [Theory]
    [InlineData("13812345678", null)]
    [InlineData("+86 138 1234 5678", null)]
    [InlineData("12812345678", "13至19")]
    [InlineData("1381234567", "11位")]
    [InlineData("028-86123456", "11位")]
    public void Mobile_numbers_are_checked(string value, string? reason)
    {
        using var chinese = new UiCulture("zh-CN");
        var problem = PhoneNumber.MobileProblem(value);
        if (reason is null)
        {
            Assert.Null(problem);
        }
        else
        {
            Assert.Contains(reason, problem);
        }
    }
}
