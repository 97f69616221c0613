using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.Kernel.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OneTimeCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "one_time_code_phones",
                schema: "kernel",
                columns: table => new
                {
                    phone = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    last_issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_one_time_code_phones", x => x.phone);
                });

            migrationBuilder.CreateTable(
                name: "one_time_codes",
                schema: "kernel",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    phone = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    purpose = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    code_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    issued_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    expires_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    failed_attempts = table.Column<int>(type: "integer", nullable: false),
                    ended_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    end_reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_one_time_codes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_one_time_code_phones_last_issued_at",
                schema: "kernel",
                table: "one_time_code_phones",
                column: "last_issued_at");

            migrationBuilder.CreateIndex(
                name: "ix_one_time_codes_expires_at",
                schema: "kernel",
                table: "one_time_codes",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_one_time_codes_phone_issued_at",
                schema: "kernel",
                table: "one_time_codes",
                columns: new[] { "phone", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_one_time_codes_phone_purpose_ended_at",
                schema: "kernel",
                table: "one_time_codes",
                columns: new[] { "phone", "purpose", "ended_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "one_time_code_phones",
                schema: "kernel");

            migrationBuilder.DropTable(
                name: "one_time_codes",
                schema: "kernel");
        }
    }
}
