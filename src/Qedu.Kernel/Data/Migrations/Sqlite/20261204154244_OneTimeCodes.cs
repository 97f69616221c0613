using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Kernel.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneTimeCodes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "kernel_one_time_code_phones",
                columns: table => new
                {
                    phone = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    last_issued_at = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_one_time_code_phones", x => x.phone);
                });

            migrationBuilder.CreateTable(
                name: "kernel_one_time_codes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    purpose = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    code_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    issued_at = table.Column<long>(type: "INTEGER", nullable: false),
                    expires_at = table.Column<long>(type: "INTEGER", nullable: false),
                    failed_attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    ended_at = table.Column<long>(type: "INTEGER", nullable: true),
                    end_reason = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_kernel_one_time_codes", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_one_time_code_phones_last_issued_at",
                table: "kernel_one_time_code_phones",
                column: "last_issued_at");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_one_time_codes_expires_at",
                table: "kernel_one_time_codes",
                column: "expires_at");

            migrationBuilder.CreateIndex(
                name: "ix_kernel_one_time_codes_phone_issued_at",
                table: "kernel_one_time_codes",
                columns: new[] { "phone", "issued_at" });

            migrationBuilder.CreateIndex(
                name: "ix_kernel_one_time_codes_phone_purpose_ended_at",
                table: "kernel_one_time_codes",
                columns: new[] { "phone", "purpose", "ended_at" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "kernel_one_time_code_phones");

            migrationBuilder.DropTable(
                name: "kernel_one_time_codes");
        }
    }
}
