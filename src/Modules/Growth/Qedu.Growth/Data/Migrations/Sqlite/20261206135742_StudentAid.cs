using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Growth.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StudentAid : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "growth_aid_applications",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    student_number = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    class_name = table.Column<string>(type: "TEXT", maxLength: 60, nullable: true),
                    grade_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    school_year = table.Column<int>(type: "INTEGER", nullable: false),
                    scheme = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    basis = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    state = table.Column<int>(type: "INTEGER", nullable: false),
                    applied_at = table.Column<long>(type: "INTEGER", nullable: false),
                    applied_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    reviewed_at = table.Column<long>(type: "INTEGER", nullable: true),
                    reviewed_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    review_note = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_aid_applications", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "growth_aid_payments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    application_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    paid_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", precision: 10, scale: 2, nullable: false),
                    method = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    recorded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    recorded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_growth_aid_payments", x => x.id);
                    table.ForeignKey(
                        name: "fk_growth_aid_payments_growth_aid_applications_application_id",
                        column: x => x.application_id,
                        principalTable: "growth_aid_applications",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_growth_aid_applications_school_year_org_unit_id",
                table: "growth_aid_applications",
                columns: new[] { "school_year", "org_unit_id" });

            migrationBuilder.CreateIndex(
                name: "ix_growth_aid_applications_student_id_school_year_scheme",
                table: "growth_aid_applications",
                columns: new[] { "student_id", "school_year", "scheme" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_growth_aid_payments_application_id",
                table: "growth_aid_payments",
                column: "application_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "growth_aid_payments");

            migrationBuilder.DropTable(
                name: "growth_aid_applications");
        }
    }
}
