namespace Shegong.Web.Features.Demo;

/// <summary>Believable Chinese names and mobile numbers for demo people.</summary>
internal sealed class DemoPeople(Random random)
{
    private const string Surnames = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢";
    private const string Given = "晓明华丽娟伟芳敏静强磊军洋勇艳杰娜涛超秀英霞平刚桂兰玉珍婷雪琳宇浩然欣怡梓萱子涵诗雨佳慧建国志红春燕海燕";
    private static readonly string[] Prefixes = ["138", "139", "135", "136", "137", "150", "151", "152", "158", "159", "180", "181", "182", "187", "188", "177", "199"];

    public string Name()
    {
        var name = Surnames[random.Next(Surnames.Length)].ToString() + Given[random.Next(Given.Length)];
        return random.NextDouble() < 0.7 ? name + Given[random.Next(Given.Length)] : name;
    }

    public string Mobile() => Prefixes[random.Next(Prefixes.Length)] + random.Next(0, 100_000_000).ToString("00000000");
}
