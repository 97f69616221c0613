using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Registry.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class StudentsStaffAssetsChangeFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "assets",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    asset_number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    category_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    quantity = table.Column<int>(type: "integer", nullable: false),
                    value = table.Column<decimal>(type: "numeric(14,2)", precision: 14, scale: 2, nullable: false),
                    acquired_on = table.Column<DateOnly>(type: "date", nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_assets", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "campuses",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    is_main = table.Column<bool>(type: "boolean", nullable: false),
                    address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    latitude = table.Column<double>(type: "double precision", nullable: true),
                    longitude = table.Column<double>(type: "double precision", nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_campuses", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "change_head",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<int>(type: "integer", nullable: false),
                    last_version = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_change_head", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "changes",
                schema: "registry",
                columns: table => new
                {
                    version = table.Column<long>(type: "bigint", nullable: false),
                    entity_type = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    entity_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    deleted = table.Column<bool>(type: "boolean", nullable: false),
                    at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_changes", x => x.version);
                });

            migrationBuilder.CreateTable(
                name: "classes",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    code = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    grade_code = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false),
                    entry_year = table.Column<int>(type: "integer", nullable: false),
                    head_teacher_id = table.Column<long>(type: "bigint", nullable: true),
                    campus_id = table.Column<long>(type: "bigint", nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_classes", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "enrolments",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    class_id = table.Column<long>(type: "bigint", nullable: true),
                    from = table.Column<DateOnly>(type: "date", nullable: false),
                    to = table.Column<DateOnly>(type: "date", nullable: true),
                    entry_reason_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    exit_reason_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_enrolments", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "guardians",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    student_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    relation_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    resident_id = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    employer = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_guardians", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "staff",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    staff_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    gender_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    resident_id = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: true),
                    qualification_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    title_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: true),
                    subjects = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true),
                    post_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    employment_type_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    hired_on = table.Column<DateOnly>(type: "date", nullable: true),
                    phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_staff", x => x.id);
                });

            migrationBuilder.CreateTable(
                name: "students",
                schema: "registry",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false),
                    org_unit_id = table.Column<int>(type: "integer", nullable: false),
                    student_number = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    gender_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    resident_id = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: true),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    ethnicity_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: true),
                    hukou_division_code = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: true),
                    address = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    class_id = table.Column<long>(type: "bigint", nullable: true),
                    status_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    category_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    is_migrant_child = table.Column<bool>(type: "boolean", nullable: false),
                    is_left_behind = table.Column<bool>(type: "boolean", nullable: false),
                    has_disability = table.Column<bool>(type: "boolean", nullable: false),
                    has_financial_hardship = table.Column<bool>(type: "boolean", nullable: false),
                    revision = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_students", x => x.id);
                });

            migrationBuilder.InsertData(
                schema: "registry",
                table: "change_head",
                columns: new[] { "id", "last_version" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "ix_assets_org_unit_id_asset_number",
                schema: "registry",
                table: "assets",
                columns: new[] { "org_unit_id", "asset_number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_campuses_org_unit_id",
                schema: "registry",
                table: "campuses",
                column: "org_unit_id");

            migrationBuilder.CreateIndex(
                name: "ix_classes_org_unit_id_code",
                schema: "registry",
                table: "classes",
                columns: new[] { "org_unit_id", "code" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_org_unit_id_id",
                schema: "registry",
                table: "enrolments",
                columns: new[] { "org_unit_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_enrolments_student_id_from",
                schema: "registry",
                table: "enrolments",
                columns: new[] { "student_id", "from" });

            migrationBuilder.CreateIndex(
                name: "ix_guardians_org_unit_id_id",
                schema: "registry",
                table: "guardians",
                columns: new[] { "org_unit_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_guardians_student_id",
                schema: "registry",
                table: "guardians",
                column: "student_id");

            migrationBuilder.CreateIndex(
                name: "ix_staff_org_unit_id_id",
                schema: "registry",
                table: "staff",
                columns: new[] { "org_unit_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_staff_staff_number",
                schema: "registry",
                table: "staff",
                column: "staff_number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_students_class_id",
                schema: "registry",
                table: "students",
                column: "class_id");

            migrationBuilder.CreateIndex(
                name: "ix_students_org_unit_id_id",
                schema: "registry",
                table: "students",
                columns: new[] { "org_unit_id", "id" });

            migrationBuilder.CreateIndex(
                name: "ix_students_resident_id",
                schema: "registry",
                table: "students",
                column: "resident_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_students_student_number",
                schema: "registry",
                table: "students",
                column: "student_number",
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "assets",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "campuses",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "change_head",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "changes",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "classes",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "enrolments",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "guardians",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "staff",
                schema: "registry");

            migrationBuilder.DropTable(
                name: "students",
                schema: "registry");
        }
    }
}
