using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Registry.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StudentsStaffAssetsChangeFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "registry_assets",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    asset_number = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    category_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    value = table.Column<decimal>(type: "TEXT", precision: 14, scale: 2, nullable: false),
                    acquired_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_assets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_campuses",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    is_main = table.Column<bool>(type: "INTEGER", nullable: false),
                    address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    latitude = table.Column<double>(type: "REAL", nullable: true),
                    longitude = table.Column<double>(type: "REAL", nullable: true),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_campuses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_change_head",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    last_version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_change_head", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_changes",
                columns: table => new
                {
                    version = table.Column<long>(type: "INTEGER", nullable: false),
                    entity_type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    entity_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    deleted = table.Column<bool>(type: "INTEGER", nullable: false),
                    at = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_changes", x => x.version);
                });

            migrationBuilder.CreateTable(
                name: "registry_classes",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    code = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    grade_code = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false),
                    entry_year = table.Column<int>(type: "INTEGER", nullable: false),
                    head_teacher_id = table.Column<long>(type: "INTEGER", nullable: true),
                    campus_id = table.Column<long>(type: "INTEGER", nullable: true),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_classes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_enrolments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    class_id = table.Column<long>(type: "INTEGER", nullable: true),
                    from = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    to = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    entry_reason_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    exit_reason_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_enrolments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_guardians",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    relation_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    resident_id = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    employer = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_guardians", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_staff",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    staff_number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    gender_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    resident_id = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    qualification_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    title_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: true),
                    subjects = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    post_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    employment_type_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    hired_on = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_staff", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "registry_students",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    org_unit_id = table.Column<int>(type: "INTEGER", nullable: false),
                    student_number = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    gender_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    resident_id = table.Column<string>(type: "TEXT", maxLength: 18, nullable: true),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    ethnicity_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: true),
                    hukou_division_code = table.Column<string>(type: "TEXT", maxLength: 6, nullable: true),
                    address = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    class_id = table.Column<long>(type: "INTEGER", nullable: true),
                    status_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    category_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    is_migrant_child = table.Column<bool>(type: "INTEGER", nullable: false),
                    is_left_behind = table.Column<bool>(type: "INTEGER", nullable: false),
                    has_disability = table.Column<bool>(type: "INTEGER", nullable: false),
                    has_financial_hardship = table.Column<bool>(type: "INTEGER", nullable: false),
                    revision = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_registry_students", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "registry_change_head",
                columns: new[] { "id", "last_version" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "ix_registry_assets_org_unit_id_asset_number",
                table: "registry_assets",
                columns: new[] { "org_unit_id", "asset_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_campuses_org_unit_id",
                table: "registry_campuses",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_registry_classes_org_unit_id_code",
                table: "registry_classes",
                columns: new[] { "org_unit_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_enrolments_org_unit_id_id",
                table: "registry_enrolments",
                columns: new[] { "org_unit_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_enrolments_student_id_from",
                table: "registry_enrolments",
                columns: new[] { "student_id", "from" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_guardians_org_unit_id_id",
                table: "registry_guardians",
                columns: new[] { "org_unit_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_guardians_student_id",
                table: "registry_guardians",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_registry_staff_org_unit_id_id",
                table: "registry_staff",
                columns: new[] { "org_unit_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_staff_staff_number",
                table: "registry_staff",
                column: "staff_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_students_class_id",
                table: "registry_students",
                column: "class_id");

            migrationBuilder.CreateIndex(
                name: "ix_registry_students_org_unit_id_id",
                table: "registry_students",
                columns: new[] { "org_unit_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_registry_students_resident_id",
                table: "registry_students",
                column: "resident_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_registry_students_student_number",
                table: "registry_students",
                column: "student_number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "registry_assets");

            migrationBuilder.DropTable(
                name: "registry_campuses");

            migrationBuilder.DropTable(
                name: "registry_change_head");

            migrationBuilder.DropTable(
                name: "registry_changes");

            migrationBuilder.DropTable(
                name: "registry_classes");

            migrationBuilder.DropTable(
                name: "registry_enrolments");

            migrationBuilder.DropTable(
                name: "registry_guardians");

            migrationBuilder.DropTable(
                name: "registry_staff");

            migrationBuilder.DropTable(
                name: "registry_students");
        }
    }
}
