using ServicePro.Modules.Requests.Services;

namespace ServicePro.Modules.Requests.Tests.Services;

[TestClass]
public sealed class DurationTests
{
    [TestMethod]
    [DataRow(0, 0, 0, "0:00:00")]
    [DataRow(0, 5, 7, "0:05:07")]
    [DataRow(1, 2, 3, "1:02:03")]
    [DataRow(26, 0, 0, "26:00:00")]
    public void Format_Length_HoursMinutesSeconds(int hours, int minutes, int seconds, string expected) =>
        Assert.AreEqual(expected, Duration.Format(new TimeSpan(hours, minutes, seconds)));

    [TestMethod]
    public void Format_Negative_Zero() => Assert.AreEqual("0:00:00", Duration.Format(TimeSpan.FromSeconds(-5)));
}
