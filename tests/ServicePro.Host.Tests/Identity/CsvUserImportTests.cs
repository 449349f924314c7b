using ServicePro.Contracts.Security;
using ServicePro.Host.Identity;

namespace ServicePro.Host.Tests.Identity;

[TestClass]
public sealed class CsvUserImportTests
{
    [TestMethod]
    public void Parse_AGoodFile_EveryLineWithItsUserAndNoError()
    {
        var (lines, fileError) = CsvUserImport.Parse("""
            EMAIL,UserName,Password,Roles,DisplayName
            olga@example.com,olga,Start#2026a,Rep;Privileged,"Петрова, Ольга 🌸"
            li@example.com,li,Start#2026b,,李 娜
            """);

        Assert.IsNull(fileError);
        Assert.HasCount(2, lines);
        Assert.AreEqual(2, lines[0].Line);
        Assert.AreEqual("Петрова, Ольга 🌸", lines[0].User.DisplayName);
        CollectionAssert.AreEqual(new[] { ServiceProRoles.Rep, ServiceProRoles.Privileged }, lines[0].User.Roles.ToArray());
        CollectionAssert.AreEqual(new[] { ServiceProRoles.Rep }, lines[1].User.Roles.ToArray(), "no roles: Rep");
        Assert.IsTrue(lines.All(l => l.Error is null));
    }

    [TestMethod]
    public void Parse_BadLines_EachSaysWhatIsWrongAndTheOthersStayGood()
    {
        var (lines, _) = CsvUserImport.Parse("""
            userName,displayName,email,roles,password
            olga,Ольга,olga@example.com,Rep,Start#2026a
            olga,Ольга again,olga2@example.com,Rep,Start#2026a
            ivan,Иван,ivan-at-example,Rep,Start#2026a
            yuki,雪,yuki@example.com,Boss,Start#2026a
            mia,Mia,mia@example.com,Rep,
            """);

        Assert.IsNull(lines[0].Error);
        StringAssert.Contains(lines[1].Error, "is in the file twice");
        StringAssert.Contains(lines[2].Error, "is not an e-mail address");
        StringAssert.Contains(lines[3].Error, "Unknown role “Boss”");
        StringAssert.Contains(lines[4].Error, "temporary password");
    }

    [TestMethod]
    public void Parse_NoUsableHeader_OneErrorForTheFile()
    {
        var (lines, fileError) = CsvUserImport.Parse("olga,olga@example.com,Start#2026a\n");

        Assert.IsEmpty(lines);
        StringAssert.Contains(fileError, "The first line must name the columns");
    }
}
