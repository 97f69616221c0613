using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Growth.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class GrowthRecords : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "growth_record_confirmations",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    class_id = table.Column<long>(type: "INTEGER", nullable: true),
                    school_year = table.Column<int>(type: "INTEGER", nullable: false),
                    term = table.Column<int>(type: "INTEGER", nullable: false),
                    comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    confirmed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    confirmed_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_record_confirmations", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "growth_record_entries",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    student_number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    class_id = table.Column<long>(type: "INTEGER", nullable: true),
                    school_year = table.Column<int>(type: "INTEGER", nullable: false),
                    term = table.Column<int>(type: "INTEGER", nullable: false),
                    area = table.Column<int>(type: "INTEGER", nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    quantity = table.Column<int>(type: "INTEGER", nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_record_entries", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "growth_record_evidence",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    parent_account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    student_number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    class_id = table.Column<long>(type: "INTEGER", nullable: true),
                    school_year = table.Column<int>(type: "INTEGER", nullable: false),
                    term = table.Column<int>(type: "INTEGER", nullable: false),
                    area = table.Column<int>(type: "INTEGER", nullable: false),
                    item_code = table.Column<string>(type: "TEXT", maxLength: 30, nullable: true),
                    quantity = table.Column<int>(type: "INTEGER", nullable: true),
                    title = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    detail = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    occurred_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    file_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    media_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    sent_at = table.Column<long>(type: "INTEGER", nullable: false),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    reviewed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    review_note = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_record_evidence", x => x.id);
                });

            migrationBuilder.CreateIndex(
                name: "ix_growth_record_confirmations_class_id_school_year_term",
                table: "growth_record_confirmations",
                columns: new[] { "class_id", "school_year", "term" });

            migrationBuilder.CreateIndex(
                name: "ix_growth_record_confirmations_student_id_school_year_term",
                table: "growth_record_confirmations",
                columns: new[] { "student_id", "school_year", "term" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_growth_record_entries_class_id_school_year_term",
                table: "growth_record_entries",
                columns: new[] { "class_id", "school_year", "term" });

            migrationBuilder.CreateIndex(
                name: "ix_growth_record_entries_student_id_school_year_term",
                table: "growth_record_entries",
                columns: new[] { "student_id", "school_year", "term" });

            migrationBuilder.CreateIndex(
                name: "ix_growth_record_evidence_org_unit_id_state",
                table: "growth_record_evidence",
                columns: new[] { "org_unit_id", "state" });

            migrationBuilder.CreateIndex(
                name: "ix_growth_record_evidence_parent_account_id",
                table: "growth_record_evidence",
                column: "parent_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_growth_record_evidence_student_id_school_year_term",
                table: "growth_record_evidence",
                columns: new[] { "student_id", "school_year", "term" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_record_confirmations");

            migrationBuilder.DropTable(
                name: "growth_record_entries");

            migrationBuilder.DropTable(
                name: "growth_record_evidence");
        }
    }
}
