// Salesforce's own LWC lint rules (what the AppExchange review's Code Analyzer runs over a
// component): @salesforce/eslint-config-lwc "recommended" (no innerHTML, no document queries, no
// async timers, valid Apex invocations...) plus the Locker / Lightning Web Security rules of
// @lwc/eslint-plugin-lwc that "recommended" leaves off. Run by run-checks.sh.
'use strict';

const lwcConfig = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');
const globals = require('globals');

module.exports = [
    ...lwcConfig.configs.recommended,
    {
        files: ['force-app/**/lwc/**/*.js'],
        rules: {
            '@lwc/lwc/no-restricted-browser-globals-during-ssr': 'off',
            '@lwc/lwc/no-unknown-wire-adapters': 'error',
            '@lwc/lwc/no-inner-html': 'error',
            '@lwc/lwc/no-document-query': 'error',
            '@lwc/lwc/no-async-operation': 'error',
            '@lwc/lwc/valid-api': 'error',
            '@salesforce/lightning/valid-apex-method-invocation': 'error'
        }
    },
    {
        files: ['force-app/**/lwc/**/__tests__/**/*.js'],
        plugins: { jest: jestPlugin },
        languageOptions: { globals: { ...globals.node, ...globals.jest } },
        // Jest flushes the Apex promise with a timer: allowed in tests, never in the component.
        rules: { '@lwc/lwc/no-unexpected-wire-adapter-usages': 'off', '@lwc/lwc/no-async-operation': 'off' }
    },
    { ignores: ['node_modules/**', 'coverage/**', '.sfdx/**', '.sf/**', 'jest.config.js', 'eslint.config.js'] }
];
