using System.ComponentModel.DataAnnotations;
using Shegong.Tests.Infrastructure;
using Shegong.Web.Common.Validation;

namespace Shegong.Tests.Common;

public class CitizenIdTests
{
    // 11010519491231002X and 440524188001010014 are the examples printed in GB 11643 itself;
    // the Sichuan ones were checked by hand against the MOD 11-2 weights.
    [Theory]
    [InlineData("11010519491231002X", "1949-12-31", Sex.Female)]
    [InlineData("440524188001010014", "1880-01-01", Sex.Male)]
    [InlineData("510105199003071233", "1990-03-07", Sex.Male)]
    [InlineData("51342819980815032X", "1998-08-15", Sex.Female)]
    [InlineData("510104200002290046", "2000-02-29", Sex.Female)]
    [InlineData("11010519491231002x", "1949-12-31", Sex.Female)]
    public void Valid_numbers_give_birth_date_and_sex(string number, string birth, Sex sex)
    {
        Assert.Null(CitizenId.Problem(number));
        var facts = CitizenId.Parse(number);
        Assert.Equal(DateOnly.Parse(birth), facts.BirthDate);
        Assert.Equal(sex, facts.Sex);
        Assert.Equal(number.ToUpperInvariant(), facts.Number);
        Assert.Equal(number[..6], facts.RegionPrefix);
    }

    [Theory]
    [InlineData("510105199003071234", "校验位")]        // check character should be 3
    [InlineData("110105194912310021", "校验位")]        // X written as 1
    [InlineData("510105199902301233", "出生日期")]      // 30 February
    [InlineData("510105199913011233", "出生日期")]      // month 13
    [InlineData("510105190002291233", "出生日期")]      // 1900 was not a leap year
    [InlineData("510105209901011233", "出生日期")]      // born in the future
    [InlineData("990105199003071233", "地址码")]        // no province 99
    [InlineData("510000199003071233", "地址码")]        // a province, not a county
    [InlineData("51010519900307123", "18位")]
    [InlineData("5101051990030712335", "18位")]
    [InlineData("51010519900307123A", "末位")]
    [InlineData("5101051990O3071233", "末位")]
    [InlineData("", "请填写")]
    public void Invalid_numbers_say_why(string number, string reason)
    {
        using var chinese = new UiCulture("zh-CN");
        var problem = CitizenId.Problem(number, new DateOnly(2026, 11, 29));
        Assert.NotNull(problem);
        Assert.Contains(reason, problem);
        Assert.DoesNotContain(" / ", problem);
    }

    [Fact]
    public void A_wrong_check_digit_says_the_number_is_wrong_not_which_digit_would_pass()
    {
        using (new UiCulture("zh-CN"))
        {
            // The right check character of 51010519900307123? is 3; the message must not offer it.
            Assert.Equal("身份证号码校验位不正确，请核对", CitizenId.Problem("510105199003071234"));
        }
        using (new UiCulture("en"))
        {
            var english = CitizenId.Problem("510105199003071234");
            Assert.Contains("check digit", english);
            Assert.DoesNotMatch("[\u4e00-\u9fff]", english!);
        }
    }

    [Fact]
    public void The_attribute_names_the_field_and_the_reason()
    {
        using var chinese = new UiCulture("zh-CN");
        var form = new Holder { IdNumber = "510105199902301233" };
        var results = new List<ValidationResult>();
        Assert.False(Validator.TryValidateObject(form, new ValidationContext(form), results, true));
        Assert.Equal(nameof(Holder.IdNumber), Assert.Single(Assert.Single(results).MemberNames));
        Assert.Contains("出生日期", results[0].ErrorMessage);
        var valid = new Holder { IdNumber = "510105199003071233" };
        Assert.True(Validator.TryValidateObject(valid, new ValidationContext(valid), [], true));
    }

    private sealed class Holder
    {
        [CitizenId]
        public string? IdNumber { get; set; }
    }
}
