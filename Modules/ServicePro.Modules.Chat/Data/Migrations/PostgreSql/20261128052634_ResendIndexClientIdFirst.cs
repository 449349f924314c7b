using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ServicePro.Modules.Chat.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class ResendIndexClientIdFirst : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChatEntries_SessionId_Author_ClientMessageId",
                table: "ChatEntries");

            migrationBuilder.CreateIndex(
                name: "IX_ChatEntries_ClientMessageId_SessionId_Author",
                table: "ChatEntries",
                columns: new[] { "ClientMessageId", "SessionId", "Author" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChatEntries_ClientMessageId_SessionId_Author",
                table: "ChatEntries");

            migrationBuilder.CreateIndex(
                name: "IX_ChatEntries_SessionId_Author_ClientMessageId",
                table: "ChatEntries",
                columns: new[] { "SessionId", "Author", "ClientMessageId" },
                unique: true);
        }
    }
}
