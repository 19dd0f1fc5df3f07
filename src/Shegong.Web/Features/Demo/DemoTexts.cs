namespace Shegong.Web.Features.Demo;

/// <summary>What demo service records say they did, per kind of service.</summary>
internal static class DemoTexts
{
    public static readonly string[] Assistance = ["入户走访，协助申请临时救助", "协助办理低保年审材料", "链接医疗救助政策并陪同办理", "大病家庭困难评估与救助申请", "协助特困人员申请供养"];
    public static readonly string[] Care = ["探访独居老人，了解身体与生活情况", "留守儿童课业辅导与心理陪伴", "困境儿童家访，跟进监护情况", "为高龄老人提供助餐助浴联络", "电话关怀留守老人"];
    public static readonly string[] Industry = ["协助农户对接电商销售渠道", "组织技能培训报名", "就业岗位信息推送与对接", "协助申请创业补贴"];
    public static readonly string[] Assessment = ["入户开展需求评估", "家庭综合需求评估", "复评生活照料需求"];
    public static readonly string[] Governance = ["组织居民议事会", "协调居委会、业委会与物业三方议事", "修订村规民约征求意见"];
    public static readonly string[] Linking = ["链接爱心企业捐赠物资", "对接慈善基金会助学金", "链接医疗机构义诊资源", "协调志愿者送温暖物资"];
    public static readonly string[] Volunteers = ["社区志愿服务队", "巾帼志愿者", "青年志愿者协会", "党员志愿服务队", "银龄志愿者"];
    public static readonly string[] Activity = ["重阳敬老文艺活动", "社区邻里节", "防诈骗宣传进社区", "暑期儿童安全教育", "春节送温暖慰问活动", "垃圾分类宣传活动"];
}
