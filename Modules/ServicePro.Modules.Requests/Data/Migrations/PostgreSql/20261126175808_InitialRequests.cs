using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace ServicePro.Modules.Requests.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class InitialRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterDatabase()
                .Annotation("Npgsql:PostgresExtension:citext", ",,");

            migrationBuilder.CreateTable(
                name: "ServiceRequests",
                columns: table => new
                {
                    Number = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Title = table.Column<string>(type: "citext", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: false),
                    Requester = table.Column<string>(type: "citext", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    AssignedTo = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRequests", x => x.Number);
                });

            migrationBuilder.CreateTable(
                name: "RequestActivity",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RequestNumber = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    At = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    Text = table.Column<string>(type: "character varying(10000)", maxLength: 10000, nullable: true),
                    OldValue = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    NewValue = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ChatSessionId = table.Column<Guid>(type: "uuid", nullable: true),
                    ChatStartedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ChatEndedAt = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ChatLengthTicks = table.Column<long>(type: "bigint", nullable: true),
                    ChatParticipants = table.Column<string>(type: "text", nullable: true),
                    ChatTranscript = table.Column<string>(type: "text", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RequestActivity", x => x.Id);
                    table.ForeignKey(
                        name: "FK_RequestActivity_ServiceRequests_RequestNumber",
                        column: x => x.RequestNumber,
                        principalTable: "ServiceRequests",
                        principalColumn: "Number",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_RequestActivity_ChatSessionId",
                table: "RequestActivity",
                column: "ChatSessionId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_RequestActivity_RequestNumber_At",
                table: "RequestActivity",
                columns: new[] { "RequestNumber", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_AssignedTo_Status",
                table: "ServiceRequests",
                columns: new[] { "AssignedTo", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_Requester",
                table: "ServiceRequests",
                column: "Requester");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_Status",
                table: "ServiceRequests",
                column: "Status");

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRequests_Title",
                table: "ServiceRequests",
                column: "Title");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RequestActivity");

            migrationBuilder.DropTable(
                name: "ServiceRequests");
        }
    }
}
