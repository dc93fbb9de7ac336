package io.hazeljms.store.selector;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Recursive-descent parser for the selector grammar, one method per precedence level, loosest first:
 *
 * <pre>
 * selector       := or END
 * or             := and (OR and)*
 * and            := not (AND not)*
 * not            := NOT not | predicate
 * predicate      := additive [ compare-op additive
 *                            | [NOT] BETWEEN additive AND additive
 *                            | [NOT] IN '(' string (',' string)* ')'
 *                            | [NOT] LIKE string [ESCAPE string]
 *                            | IS [NOT] NULL ]
 * additive       := multiplicative (('+' | '-') multiplicative)*
 * multiplicative := unary (('*' | '/') unary)*
 * unary          := ('+' | '-') unary | primary
 * primary        := literal | identifier | '(' or ')'
 * </pre>
 *
 * Operand types that are known statically (literals, arithmetic, conditions) are checked here, so that
 * {@code 'a' + 1} or {@code TRUE > 0} fail at parse time; identifiers are checked per message.
 */
final class Parser {

    /** Guards the recursion against hostile input such as thousands of '('. */
    private static final int MAX_NESTING = 200;

    private final List<Token> tokens;
    private int index;
    private int nesting;

    private Parser(List<Token> tokens) {
        this.tokens = tokens;
    }

    static Node parse(String expression) throws SelectorSyntaxException {
        return new Parser(Tokenizer.tokenize(expression)).selector();
    }

    private Node selector() throws SelectorSyntaxException {
        Token first = peek();
        Node root = or();
        Token trailing = peek();
        if (trailing.kind() == TokenKind.RIGHT_PAREN) {
            throw error(trailing, "unmatched ')'");
        }
        if (trailing.kind() != TokenKind.END) {
            throw error(trailing, "expected AND, OR or end of selector but found " + trailing.describe());
        }
        if (!root.type().canBe(StaticType.BOOLEAN)) {
            throw error(first, "selector must be a boolean expression but this is " + root.type().description()
                    + " expression");
        }
        return root;
    }

    private Node or() throws SelectorSyntaxException {
        Token start = peek();
        Node first = and();
        if (peek().kind() != TokenKind.OR) {
            return first;
        }
        List<Node> operands = new ArrayList<>(List.of(requireBoolean(first, start, "OR")));
        while (accept(TokenKind.OR)) {
            Token operandStart = peek();
            operands.add(requireBoolean(and(), operandStart, "OR"));
        }
        return new Or(operands);
    }

    private Node and() throws SelectorSyntaxException {
        Token start = peek();
        Node first = not();
        if (peek().kind() != TokenKind.AND) {
            return first;
        }
        List<Node> operands = new ArrayList<>(List.of(requireBoolean(first, start, "AND")));
        while (accept(TokenKind.AND)) {
            Token operandStart = peek();
            operands.add(requireBoolean(not(), operandStart, "AND"));
        }
        return new And(operands);
    }

    private Node not() throws SelectorSyntaxException {
        if (!accept(TokenKind.NOT)) {
            return predicate();
        }
        Token operandStart = peek();
        enterNesting(operandStart);
        Node operand = not();
        nesting--;
        return new Not(requireBoolean(operand, operandStart, "NOT"));
    }

    private Node predicate() throws SelectorSyntaxException {
        Token start = peek();
        Node left = additive();
        Token operator = peek();
        ComparisonOperator comparison = comparisonOperator(operator.kind());
        if (comparison != null) {
            next();
            Node right = additive();
            checkComparable(comparison, operator, left, right);
            return new Comparison(comparison, left, right);
        }
        switch (operator.kind()) {
            case IS -> {
                next();
                boolean negated = accept(TokenKind.NOT);
                expect(TokenKind.NULL, negated ? "NULL after IS NOT" : "NULL or NOT after IS");
                return new IsNull(left, negated);
            }
            case NOT -> {
                next();
                Token keyword = peek();
                if (keyword.kind() != TokenKind.BETWEEN && keyword.kind() != TokenKind.IN
                        && keyword.kind() != TokenKind.LIKE) {
                    throw error(keyword, "expected BETWEEN, IN or LIKE after NOT but found " + keyword.describe());
                }
                return negatablePredicate(left, start, true);
            }
            case BETWEEN, IN, LIKE -> {
                return negatablePredicate(left, start, false);
            }
            default -> {
                return left;
            }
        }
    }

    /** BETWEEN, IN or LIKE, the keyword being the next token. */
    private Node negatablePredicate(Node left, Token leftStart, boolean negated) throws SelectorSyntaxException {
        Token keyword = next();
        return switch (keyword.kind()) {
            case BETWEEN -> between(left, leftStart, negated);
            case IN -> in(left, leftStart, negated);
            default -> like(left, leftStart, negated);
        };
    }

    private Node between(Node value, Token valueStart, boolean negated) throws SelectorSyntaxException {
        requireNumeric(value, valueStart, "BETWEEN");
        Token lowStart = peek();
        Node low = requireNumeric(additive(), lowStart, "BETWEEN");
        expect(TokenKind.AND, "AND in BETWEEN");
        Token highStart = peek();
        Node high = requireNumeric(additive(), highStart, "BETWEEN");
        return new Between(value, low, high, negated);
    }

    private Node in(Node left, Token leftStart, boolean negated) throws SelectorSyntaxException {
        Identifier identifier = requireIdentifier(left, leftStart, "IN");
        expect(TokenKind.LEFT_PAREN, "'(' after IN");
        if (peek().kind() == TokenKind.RIGHT_PAREN) {
            throw error(peek(), "IN list must contain at least one string literal");
        }
        Set<String> values = new LinkedHashSet<>();
        do {
            Token item = next();
            if (item.kind() != TokenKind.STRING) {
                throw error(item, "IN list may contain only string literals but found " + item.describe());
            }
            values.add(item.value());
        } while (accept(TokenKind.COMMA));
        expect(TokenKind.RIGHT_PAREN, "',' or ')' in IN list");
        return new InList(identifier, values, negated);
    }

    private Node like(Node left, Token leftStart, boolean negated) throws SelectorSyntaxException {
        Identifier identifier = requireIdentifier(left, leftStart, "LIKE");
        Token pattern = next();
        if (pattern.kind() != TokenKind.STRING) {
            throw error(pattern, "expected a string literal pattern after LIKE but found " + pattern.describe());
        }
        int escape = -1;
        if (accept(TokenKind.ESCAPE)) {
            Token escapeToken = next();
            if (escapeToken.kind() != TokenKind.STRING) {
                throw error(escapeToken, "expected a string literal after ESCAPE but found " + escapeToken.describe());
            }
            String text = escapeToken.value();
            if (text.codePointCount(0, text.length()) != 1) {
                throw error(escapeToken, "ESCAPE must be a single character but is " + escapeToken.describe());
            }
            escape = text.codePointAt(0);
        }
        return new Like(identifier, LikePattern.compile(pattern.value(), escape, pattern.position()), negated);
    }

    private Node additive() throws SelectorSyntaxException {
        Token start = peek();
        Node left = multiplicative();
        while (peek().kind() == TokenKind.PLUS || peek().kind() == TokenKind.MINUS) {
            Token operator = next();
            Token rightStart = peek();
            Node right = multiplicative();
            left = arithmetic(operator, left, start, right, rightStart);
        }
        return left;
    }

    private Node multiplicative() throws SelectorSyntaxException {
        Token start = peek();
        Node left = unary();
        while (peek().kind() == TokenKind.TIMES || peek().kind() == TokenKind.DIVIDE) {
            Token operator = next();
            Token rightStart = peek();
            Node right = unary();
            left = arithmetic(operator, left, start, right, rightStart);
        }
        return left;
    }

    private Node arithmetic(Token operator, Node left, Token leftStart, Node right, Token rightStart)
            throws SelectorSyntaxException {
        ArithmeticOperator op = switch (operator.kind()) {
            case PLUS -> ArithmeticOperator.ADD;
            case MINUS -> ArithmeticOperator.SUBTRACT;
            case TIMES -> ArithmeticOperator.MULTIPLY;
            default -> ArithmeticOperator.DIVIDE;
        };
        return new Arithmetic(op, requireNumeric(left, leftStart, "'" + op.symbol() + "'"),
                requireNumeric(right, rightStart, "'" + op.symbol() + "'"));
    }

    private Node unary() throws SelectorSyntaxException {
        Token sign = peek();
        if (sign.kind() != TokenKind.PLUS && sign.kind() != TokenKind.MINUS) {
            return primary();
        }
        next();
        boolean negative = sign.kind() == TokenKind.MINUS;
        if (negative && peek().kind() == TokenKind.EXACT_NUMBER) {
            // Folded into the literal so that -9223372036854775808 (Long.MIN_VALUE) is in range.
            return Literal.of(exactValue(next(), sign));
        }
        Token operandStart = peek();
        enterNesting(operandStart);
        Node operand = unary();
        nesting--;
        return new UnarySign(negative, requireNumeric(operand, operandStart, "unary '" + sign.text() + "'"));
    }

    private Node primary() throws SelectorSyntaxException {
        Token token = next();
        switch (token.kind()) {
            case IDENTIFIER:
                return new Identifier(token.text());
            case STRING:
                return Literal.of(token.value());
            case EXACT_NUMBER:
                return Literal.of(exactValue(token, null));
            case APPROXIMATE_NUMBER:
                return Literal.of(approximateValue(token));
            case TRUE:
            case FALSE:
                return Literal.of(token.kind() == TokenKind.TRUE);
            case LEFT_PAREN:
                enterNesting(token);
                Node inner = or();
                nesting--;
                expect(TokenKind.RIGHT_PAREN, "')'");
                return inner;
            default:
                if (token.kind().isReservedWord()) {
                    throw error(token, "expected an operand but found reserved word " + token.describe()
                            + " (reserved words cannot be used as identifiers)");
                }
                throw error(token, "expected an operand but found " + token.describe());
        }
    }

    /** @param minus the unary minus in front of the literal, or null */
    private static long exactValue(Token token, Token minus) throws SelectorSyntaxException {
        boolean negative = minus != null;
        try {
            return NumericLiterals.exactValue(token.text(), negative);
        } catch (NumberFormatException e) {
            throw error(negative ? minus : token,
                    "integer literal " + (negative ? "-" : "") + token.text() + " is out of the long range");
        }
    }

    private static double approximateValue(Token token) throws SelectorSyntaxException {
        String text = token.text();
        double value = NumericLiterals.approximateValue(text); // accepts every form the tokenizer lets through
        if (Double.isInfinite(value)) {
            boolean isFloat = text.endsWith("f") || text.endsWith("F");
            throw error(token, "floating-point literal " + text + " is out of the " + (isFloat ? "float" : "double")
                    + " range");
        }
        return value;
    }

    private static void checkComparable(ComparisonOperator operator, Token operatorToken, Node left, Node right)
            throws SelectorSyntaxException {
        StaticType l = left.type();
        StaticType r = right.type();
        if (!operator.isEquality()) {
            for (StaticType type : List.of(l, r)) {
                if (type == StaticType.STRING || type == StaticType.BOOLEAN) {
                    throw error(operatorToken, "operator '" + operator.symbol() + "' cannot compare "
                            + type.description() + " value; only = and <> apply to strings and booleans");
                }
            }
        }
        if (l != StaticType.DYNAMIC && r != StaticType.DYNAMIC && l != r) {
            throw error(operatorToken, "cannot compare " + l.description() + " value with " + r.description()
                    + " value");
        }
    }

    private static Node requireBoolean(Node node, Token start, String operator) throws SelectorSyntaxException {
        if (!node.type().canBe(StaticType.BOOLEAN)) {
            throw error(start, "operand of " + operator + " must be a boolean expression but is "
                    + node.type().description() + " expression");
        }
        return node;
    }

    private static Node requireNumeric(Node node, Token start, String operator) throws SelectorSyntaxException {
        if (!node.type().canBe(StaticType.NUMERIC)) {
            throw error(start, "operand of " + operator + " must be numeric but is " + node.type().description()
                    + " expression");
        }
        return node;
    }

    private static Identifier requireIdentifier(Node node, Token start, String operator)
            throws SelectorSyntaxException {
        if (!(node instanceof Identifier identifier)) {
            throw error(start, "left operand of " + operator + " must be an identifier");
        }
        return identifier;
    }

    private static ComparisonOperator comparisonOperator(TokenKind kind) {
        return switch (kind) {
            case EQUAL -> ComparisonOperator.EQUAL;
            case NOT_EQUAL -> ComparisonOperator.NOT_EQUAL;
            case LESS -> ComparisonOperator.LESS;
            case LESS_OR_EQUAL -> ComparisonOperator.LESS_OR_EQUAL;
            case GREATER -> ComparisonOperator.GREATER;
            case GREATER_OR_EQUAL -> ComparisonOperator.GREATER_OR_EQUAL;
            default -> null;
        };
    }

    private void enterNesting(Token token) throws SelectorSyntaxException {
        if (++nesting > MAX_NESTING) {
            throw error(token, "selector is nested more than " + MAX_NESTING + " levels deep");
        }
    }

    private Token peek() {
        return tokens.get(index);
    }

    private Token next() {
        Token token = tokens.get(index);
        if (token.kind() != TokenKind.END) {
            index++;
        }
        return token;
    }

    private boolean accept(TokenKind kind) {
        if (peek().kind() == kind) {
            next();
            return true;
        }
        return false;
    }

    private void expect(TokenKind kind, String what) throws SelectorSyntaxException {
        Token token = peek();
        if (token.kind() != kind) {
            throw error(token, "expected " + what + " but found " + token.describe());
        }
        next();
    }

    private static SelectorSyntaxException error(Token token, String detail) {
        return new SelectorSyntaxException(detail, token.position());
    }
}
